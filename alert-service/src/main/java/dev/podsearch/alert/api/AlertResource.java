package dev.podsearch.alert.api;

import dev.podsearch.alert.Alert;
import dev.podsearch.support.ProblemException;
import dev.podsearch.support.RequestParameters;
import dev.podsearch.support.access.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Saved searches: {@code /v1/alerts}. Each key sees and changes only the alerts it created (an alert's owner is the
 * key's public id); another key's alert is a 404, as an unknown one.
 */
@Path("/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ALERTS_NAME)
public class AlertResource {

    static final int MAX_PAGE = 100;

    @Inject
    Alerts alerts;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Save a search",
            description = "201 with the alert and its signing secret, shown this once; 400 naming the field for a bad"
                    + " q, filter, mode or webhookUrl")
    public Response create(
            AlertRequest request,
            @HeaderParam("Authorization") String authorization,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        Alert alert = alerts.create(request, owner(), authorization);
        return Response.created(
                        uri.getAbsolutePathBuilder().path(alert.id.toString()).build())
                .entity(AlertView.created(alert))
                .build();
    }

    @GET
    @Operation(summary = "This key's alerts, oldest first")
    public AlertView.Page list(
            @Parameter(description = "The next of the previous page") @QueryParam("after") String after,
            @Parameter(description = "Alerts per page, 1 to 100") @QueryParam("size") @DefaultValue("20") String size) {
        int pageSize = (int) RequestParameters.number("size", size, 1, MAX_PAGE);
        UUID from = after == null || after.isBlank() ? null : uuid("after", after);
        List<AlertView> page =
                alerts.list(owner(), from, pageSize).stream().map(AlertView::of).toList();
        return new AlertView.Page(page, page.size() == pageSize ? page.getLast().id() : null);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One alert (never its secret)")
    public AlertView get(@PathParam("id") String id) {
        UUID key = id(id);
        return Alert.owned(key, owner()).map(AlertView::of).orElseThrow(() -> ProblemException.notFound("alert", id));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an alert: the fields given; q, filters or mode changed are compiled again")
    public AlertView update(
            @PathParam("id") String id, AlertRequest request, @HeaderParam("Authorization") String authorization) {
        return AlertView.of(alerts.update(id(id), request, owner(), authorization));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an alert: it fires no more; pending deliveries are cancelled by the delivery stage")
    public Response delete(@PathParam("id") String id) {
        alerts.delete(id(id), owner());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/pause")
    @Operation(summary = "Pause an alert: new episodes are not matched against it until it is resumed")
    public AlertView pause(@PathParam("id") String id) {
        return AlertView.of(alerts.paused(id(id), true, owner()));
    }

    @POST
    @Path("{id}/resume")
    @Operation(summary = "Resume a paused alert")
    public AlertView resume(@PathParam("id") String id) {
        return AlertView.of(alerts.paused(id(id), false, owner()));
    }

    private String owner() {
        return identity.getPrincipal().getName();
    }

    /** An alert id from the path: anything but a UUID names no alert. */
    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("alert", id);
        }
    }

    private static UUID uuid(String parameter, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(parameter, parameter + " '" + value.strip() + "' is not an alert id");
        }
    }
}
