package dev.podsearch.alert.delivery;

import dev.podsearch.support.ProblemException;
import dev.podsearch.support.RequestParameters;
import dev.podsearch.support.access.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An alert's webhook deliveries: each with its attempts (status codes, times, errors, the answers' excerpts), and a
 * failed one sent again by hand. Only the alert's owner (the key that created it) sees them, as with the alert itself.
 */
@Path("/v1/alerts/{id}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ALERTS_NAME)
@Tag(name = "alerts")
public class DeliveryResource {

    static final int MAX_PAGE_SIZE = 100;

    @Inject
    DeliveryHistory history;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(
            summary = "An alert's webhook deliveries, newest first, with their attempts",
            description = "Page from 0. Status pending, delivered, failed or cancelled; each attempt with its time,"
                    + " status code or error, duration and the first 512 characters of the answer.")
    public DeliveryView.Page list(
            @PathParam("id") String id,
            @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "1 to 100") @QueryParam("size") @DefaultValue("20") String size) {
        UUID alertId = visibleAlert(id).id();
        return history.page(
                alertId,
                RequestParameters.number("page", page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE),
                RequestParameters.number("size", size, 1, MAX_PAGE_SIZE));
    }

    @GET
    @Path("/{deliveryId}")
    @Operation(summary = "One delivery with its attempts")
    public DeliveryView get(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        UUID alertId = visibleAlert(id).id();
        return history.find(alertId, uuid("deliveryId", deliveryId, "a delivery"))
                .orElseThrow(() -> ProblemException.notFound("delivery", deliveryId));
    }

    @POST
    @Path("/{deliveryId}/retry")
    @Operation(
            summary = "Send a failed delivery again",
            description = "The delivery becomes pending, due now, with a new give-up time; same delivery id. 409 if"
                    + " it is not failed or the alert is paused.")
    public Response retry(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        DeliveryHistory.AlertRef alert = visibleAlert(id);
        DeliveryView retried = history.retry(alert.id(), uuid("deliveryId", deliveryId, "a delivery"), alert.paused());
        return Response.accepted(retried).build();
    }

    /** The alert, if it exists, is not deleted and the caller's key created it; else 404 (whose it is is not told). */
    private DeliveryHistory.AlertRef visibleAlert(String id) {
        return history.alert(uuid("id", id, "an alert"))
                .filter(found ->
                        Objects.equals(found.owner(), identity.getPrincipal().getName()))
                .orElseThrow(() -> ProblemException.notFound("alert", id));
    }

    private static UUID uuid(String parameter, String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(parameter, "'" + value + "' is not " + what + " id (a UUID)");
        }
    }
}
