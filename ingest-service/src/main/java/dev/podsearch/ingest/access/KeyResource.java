package dev.podsearch.ingest.access;

import dev.podsearch.support.ProblemException;
import dev.podsearch.support.access.Quota;
import dev.podsearch.support.access.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Managing API keys (admin keys only): create, list, revoke. {@code ./podsearch keys} calls these. */
@Path("/admin/keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class KeyResource {

    private static final int MAX_NAME = 100;

    @Inject
    KeyStore keys;

    /**
     * What a new key is to be: who or what it is for, its role (read, alerts, ingest or admin), and optionally its own
     * quota ({@code 50/s}, {@code 600/min}; absent: its role's).
     */
    public record NewKey(String name, String role, String rate) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a key",
            description = "Answers 201 with the whole key in 'key': it is shown this once; only its hash is kept."
                    + " 'rate' (optional, e.g. 50/s or 600/min) is the key's own quota instead of its role's.")
    public Response create(NewKey request) {
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw ProblemException.badParameter("name", "name is required: who or what the key is for");
        }
        String name = request.name().strip();
        if (name.length() > MAX_NAME) {
            throw ProblemException.badParameter("name", "name is longer than " + MAX_NAME + " characters");
        }
        Role role = Role.of(request.role() == null ? "" : request.role())
                .orElseThrow(() -> ProblemException.badParameter(
                        "role", "role must be read, alerts, ingest or admin, not '" + request.role() + "'"));
        Quota rate = request.rate() == null
                ? null
                : Quota.parse(request.rate())
                        .orElseThrow(() -> ProblemException.badParameter("rate", Quota.expected(request.rate())));
        KeyView created = keys.create(name, role, rate);
        return Response.created(URI.create("/admin/keys/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Operation(summary = "Every key, newest first, revoked ones too; never a secret")
    public List<KeyView> list() {
        return keys.list();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One key, as listed; where a created key's Location points")
    public KeyView get(
            @Parameter(description = "The key's public id", example = "k3v9q2m7xa") @PathParam("id") String id) {
        return keys.find(id).orElseThrow(() -> ProblemException.notFound("API key", id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Revoke a key",
            description = "The key stops working at once here, within about a second (access.revocation-poll) on"
                    + " index-service and query-service. Revoking twice is harmless.")
    public KeyView revoke(
            @Parameter(description = "The key's public id", example = "k3v9q2m7xa") @PathParam("id") String id) {
        return keys.revoke(id).orElseThrow(() -> ProblemException.notFound("API key", id));
    }
}
