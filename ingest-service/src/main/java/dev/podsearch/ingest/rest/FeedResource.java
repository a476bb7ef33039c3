package dev.podsearch.ingest.rest;

import dev.podsearch.ingest.feed.Feed;
import dev.podsearch.ingest.feed.FeedEntry;
import dev.podsearch.ingest.feed.FeedLeases;
import dev.podsearch.ingest.feed.FeedPoller;
import dev.podsearch.ingest.feed.FeedScheduler;
import dev.podsearch.support.ProblemException;
import dev.podsearch.support.access.Role;
import dev.podsearch.support.outbound.OutboundUrlGuard;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
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
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/v1/feeds")
@RolesAllowed(Role.INGEST_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    @Inject
    OutboundUrlGuard guard;

    @Inject
    FeedLeases leases;

    @Inject
    FeedPoller poller;

    @Inject
    FeedScheduler scheduler;

    @Inject
    ManagedExecutor background;

    /** The body of a subscription. */
    public record Subscription(String url) {}

    /** All subscriptions. */
    public record FeedList(List<FeedView> items) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Subscribe to a podcast feed",
            description = "201 with the feed, polled first within ingest.feeds.check-every; a URL already subscribed"
                    + " answers 200 with its feed. The URL must be http(s) and not a loopback, link-local or private"
                    + " address (unless outbound.allow names it).")
    public Response subscribe(Subscription body) {
        String url = body == null ? null : body.url();
        String checked = guard.requireGiven("url", url, "the body needs the feed's address: {\"url\": \"https://...\"}")
                .uri()
                .toString();
        // read committed: the select after an insert that met another's row sees that row
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean created = Feed.subscribe(UUID.randomUUID(), checked);
            Feed feed = Feed.<Feed>find("url", checked).singleResult();
            return (created
                            ? Response.created(location(feed.id))
                            : Response.ok().location(location(feed.id)))
                    .entity(FeedView.of(feed, created ? List.of() : null))
                    .build();
        });
    }

    @GET
    @Operation(summary = "Every subscription with its last poll, result and next poll (without items)")
    public FeedList list() {
        return QuarkusTransaction.requiringNew()
                .call(() -> new FeedList(Feed.<Feed>listAll(Sort.by("createdAt")).stream()
                        .map(f -> FeedView.of(f, null))
                        .toList()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A subscription with each item: the transcript chosen, the episode it became, or its error")
    public FeedView get(@PathParam("id") String id) {
        UUID feedId = RequestValues.parseId(id);
        return QuarkusTransaction.requiringNew().call(() -> {
            Feed feed = Feed.<Feed>findByIdOptional(feedId).orElseThrow(() -> ProblemException.notFound("feed", id));
            return FeedView.of(feed, FeedEntry.ofFeed(feedId));
        });
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Unsubscribe",
            description = "The feed is no longer polled; the episodes it brought stay searchable (delete them with"
                    + " DELETE /v1/transcripts/{id}).")
    public Response unsubscribe(@PathParam("id") String id) {
        UUID feedId = RequestValues.parseId(id);
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> Feed.deleteById(feedId));
        if (!deleted) {
            throw ProblemException.notFound("feed", id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/poll")
    @Operation(
            summary = "Poll a feed now",
            description = "202 with the feed (polling: true) once this replica holds its lease; the poll runs in the"
                    + " background and its result shows on GET /v1/feeds/{id} (polling false again). 409 while"
                    + " another poll of it runs.")
    public Response poll(@PathParam("id") String id) {
        UUID feedId = RequestValues.parseId(id);
        if (QuarkusTransaction.requiringNew().call(() -> Feed.findById(feedId)) == null) {
            throw ProblemException.notFound("feed", id);
        }
        String owner = scheduler.owner();
        if (leases.claim(feedId, owner).isEmpty()) {
            throw new ProblemException(
                    409,
                    "feed-busy",
                    "Feed is being polled",
                    "the feed is being polled right now; its result shows on GET /v1/feeds/" + id,
                    Map.of("feed", id));
        }
        FeedView leased = get(id);
        background.runAsync(() -> poller.poll(feedId, owner)).exceptionally(e -> {
            Log.errorf(e, "feeds: the poll of feed %s asked for by the API failed", id);
            return null;
        });
        return Response.accepted(leased).location(location(feedId)).build();
    }

    private static URI location(UUID id) {
        return URI.create("/v1/feeds/" + id);
    }
}
