package dev.podsearch.ingest.rest;

import dev.podsearch.ingest.outbox.ParkedEvents;
import dev.podsearch.support.ProblemException;
import dev.podsearch.support.RequestParameters;
import dev.podsearch.support.access.Role;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** For operators: the outbox events Kafka refused for good, and handing them back to the relay after a fix. */
@Path("/admin/outbox/parked")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class OutboxAdminResource {

    private static final int MAX_LIMIT = 1000;

    @Inject
    ParkedEvents parked;

    @GET
    @Operation(
            summary = "Parked outbox events, oldest first",
            description = "Each with its episode, revision, size, attempts and the error that parked it; page on"
                    + " with after=<last id>.")
    public ParkedPage list(
            @QueryParam("after") @DefaultValue("0") String after,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        long afterId = RequestParameters.number("after", after, 0, Long.MAX_VALUE);
        int size = (int) RequestParameters.number("limit", limit, 1, MAX_LIMIT);
        return new ParkedPage(parked.list(afterId, size), parked.count());
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Hands one parked event back to the relay; its upload is RECEIVED again")
    public Response retry(@PathParam("id") String id) {
        long eventId = RequestParameters.number("id", id, 1, Long.MAX_VALUE);
        ParkedEvents.Parked event =
                parked.retry(eventId).orElseThrow(() -> ProblemException.notFound("parked outbox event", id));
        return Response.accepted(new Retried(List.of(event))).build();
    }

    @POST
    @Path("/retry")
    @Operation(summary = "Hands every parked event back to the relay")
    public Response retryAll() {
        return Response.accepted(new Retried(parked.retryAll())).build();
    }

    /** A page of parked events, and how many are parked in all. */
    public record ParkedPage(List<ParkedEvents.Parked> items, long parked) {}

    /** The events handed back to the relay. */
    public record Retried(List<ParkedEvents.Parked> retried) {}
}
