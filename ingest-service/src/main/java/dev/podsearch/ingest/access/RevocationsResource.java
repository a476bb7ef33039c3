package dev.podsearch.ingest.access;

import dev.podsearch.support.ProblemException;
import dev.podsearch.support.access.KeyCheckClient;
import dev.podsearch.support.access.ServiceToken;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The keys revoked since a moment, for the other services only (they send the shared service token): each asks
 * every second and drops those keys from its cache, so a revocation reaches every instance within about a second.
 */
@Path(KeyCheckClient.REVOCATIONS_PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(ServiceToken.ROLE)
public class RevocationsResource {

    @Inject
    KeyStore keys;

    /** {@code now}: this answer's moment, the next question's {@code since}. */
    public record Revocations(Instant now, List<String> revoked) {}

    @GET
    @Operation(summary = "Ids of the keys revoked after 'since' (services only: X-Podsearch-Service-Token)")
    public Revocations since(
            @Parameter(description = "An ISO-8601 instant", example = "2026-12-07T10:15:30Z") @QueryParam("since")
                    String since) {
        Instant after;
        try {
            after = Instant.parse(since == null ? "" : since);
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter("since", "since must be an ISO-8601 instant, not '" + since + "'");
        }
        Instant now = Instant.now();
        return new Revocations(now, keys.revokedSince(after));
    }
}
