package dev.podsearch.index.admin;

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
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Operating the indexer: the dead letters and why they are there, replaying them after a fix, and rebuilding the
 * indices. Meant for operators, with an admin API key; and keep port 8082 inside the cluster (the deployment's network
 * policy does).
 */
@Path("/admin")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private static final int MAX_LIST = 1000;

    @Inject
    DeadLetterStore deadLetters;

    @Inject
    Reindexer reindexer;

    public record DeadLetterList(int count, List<DeadLetterStore.DeadLetter> deadLetters) {}

    public record Replayed(int replayed, List<DeadLetterStore.DeadLetter> records) {}

    @GET
    @Path("/dead-letters")
    @Operation(summary = "Dead-lettered records, oldest first, with why each could not be indexed")
    public DeadLetterList list(
            @Parameter(description = "Only this error class: poison or non-retryable", example = "non-retryable")
                    @QueryParam("errorClass")
                    String errorClass,
            @Parameter(description = "Only records of this episode (the record key)", example = "5b0c6f2e")
                    @QueryParam("episode")
                    String episode,
            @Parameter(description = "At most this many, 1 to 1000", example = "100")
                    @QueryParam("limit")
                    @DefaultValue("100")
                    String limit) {
        int max = (int) RequestParameters.number("limit", limit, 1, MAX_LIST);
        List<DeadLetterStore.DeadLetter> letters = deadLetters.list(filter(errorClass, episode), max);
        return new DeadLetterList(letters.size(), letters);
    }

    @POST
    @Path("/dead-letters/{partition}/{offset}/replay")
    @Operation(summary = "Send one dead letter back to transcripts.v1")
    public Response replayOne(
            @Parameter(description = "Partition of the dead-letter topic", example = "0") @PathParam("partition")
                    String partition,
            @Parameter(description = "Offset in that partition", example = "12") @PathParam("offset") String offset) {
        int p = (int) RequestParameters.number("partition", partition, 0, Integer.MAX_VALUE);
        long o = RequestParameters.number("offset", offset, 0, Long.MAX_VALUE);
        List<DeadLetterStore.DeadLetter> replayed =
                deadLetters.replay(letter -> letter.partition() == p && letter.offset() == o);
        if (replayed.isEmpty()) {
            throw ProblemException.notFound("dead letter", p + "@" + o);
        }
        return Response.accepted(new Replayed(replayed.size(), replayed)).build();
    }

    @POST
    @Path("/dead-letters/replay")
    @Operation(
            summary = "Send every dead letter (or those of a class or episode) back to transcripts.v1",
            description = "Safe to repeat: indexing is idempotent. A record that fails again is dead-lettered again.")
    public Response replayAll(
            @Parameter(description = "Only this error class: poison or non-retryable", example = "non-retryable")
                    @QueryParam("errorClass")
                    String errorClass,
            @Parameter(description = "Only records of this episode (the record key)", example = "5b0c6f2e")
                    @QueryParam("episode")
                    String episode) {
        List<DeadLetterStore.DeadLetter> replayed = deadLetters.replay(filter(errorClass, episode));
        return Response.accepted(new Replayed(replayed.size(), replayed)).build();
    }

    @POST
    @Path("/reindex")
    @Operation(
            summary = "Rebuild the indices with the current mappings, then swap the aliases",
            description = "Runs in the background; GET /admin/reindex shows its progress. 409 while one runs.")
    public Response reindex() {
        return Response.accepted(reindexer.start()).build();
    }

    @GET
    @Path("/reindex")
    @Operation(summary = "The last reindex: phase, documents copied, errors")
    public Reindexer.Status reindexStatus() {
        Reindexer.Status status = reindexer.status();
        if (status == null) {
            throw new ProblemException(
                    404,
                    "no-reindex",
                    "No reindex has run",
                    "no reindex has run since this instance started; POST /admin/reindex starts one",
                    java.util.Map.of());
        }
        return status;
    }

    private static Predicate<DeadLetterStore.DeadLetter> filter(String errorClass, String episode) {
        Predicate<DeadLetterStore.DeadLetter> filter = letter -> true;
        if (errorClass != null && !errorClass.isBlank()) {
            filter = filter.and(letter -> errorClass.strip().equals(letter.errorClass()));
        }
        if (episode != null && !episode.isBlank()) {
            filter = filter.and(letter -> episode.strip().equals(letter.key()));
        }
        return filter;
    }
}
