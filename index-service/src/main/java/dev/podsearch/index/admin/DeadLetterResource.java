package dev.podsearch.index.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.index.dlq.DeadLetters;
import dev.podsearch.support.JsonProblems;
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
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * The dead letters, page by page with a cursor, and replaying them after a fix: one record, a list of records, or a
 * page. Each call reads only the part of the topic it needs. Operators only, with an admin API key; port 8082 stays
 * inside the cluster.
 */
@Path("/admin/dead-letters")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    static final int MAX_PAGE = 1000;

    @Inject
    DeadLetterStore deadLetters;

    @Inject
    ObjectMapper json;

    /** @param next where the next page starts (pass its partition and offset back); null at the end of the topic */
    public record DeadLetterList(int count, List<DeadLetter> deadLetters, DeadLetterPosition next, int scanned) {}

    public record Replayed(int replayed, List<DeadLetter> records, DeadLetterPosition next) {}

    /** The body of a replay of chosen records. */
    public record Selection(List<String> records) {}

    @GET
    @Operation(
            summary = "One page of dead letters, oldest first per partition, with why each could not be indexed",
            description =
                    "Partitions in order, each from its first offset. 'next' is the cursor of the following page"
                            + " (null at the end); a filtered page reads at most 10000 records and may hold fewer than 'limit'.")
    public DeadLetterList list(
            @Parameter(description = "Partition to start in (with offset: the 'next' cursor)", example = "0")
                    @QueryParam("partition")
                    String partition,
            @Parameter(description = "Offset to start at in that partition", example = "0") @QueryParam("offset")
                    String offset,
            @Parameter(description = "At most this many, 1 to 1000", example = "100")
                    @QueryParam("limit")
                    @DefaultValue("100")
                    String limit,
            @Parameter(description = "Only this error class: poison or non-retryable", example = "non-retryable")
                    @QueryParam("errorClass")
                    String errorClass,
            @Parameter(description = "Only records of this episode (the record key)", example = "5b0c6f2e")
                    @QueryParam("episode")
                    String episode) {
        DeadLetterStore.Page page =
                deadLetters.list(start(partition, offset), size(limit), filter(errorClass, episode));
        return new DeadLetterList(page.letters().size(), page.letters(), page.next(), page.scanned());
    }

    @POST
    @Path("/{partition}/{offset}/replay")
    @Operation(summary = "Send one dead letter back to transcripts.v1")
    public Response replayOne(
            @Parameter(description = "Partition of the dead-letter topic", example = "0") @PathParam("partition")
                    String partition,
            @Parameter(description = "Offset in that partition", example = "12") @PathParam("offset") String offset) {
        DeadLetterPosition at = new DeadLetterPosition(
                (int) RequestParameters.number("partition", partition, 0, Integer.MAX_VALUE),
                RequestParameters.number("offset", offset, 0, Long.MAX_VALUE));
        return replayed(deadLetters.replay(new TreeSet<>(List.of(at))));
    }

    @POST
    @Path("/replay")
    @RequestBody(
            required = false,
            description = "The records to replay, as partition@offset; none: the page the query parameters choose",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Selection.class)))
    @Operation(
            summary = "Send chosen dead letters, or one page of them, back to transcripts.v1",
            description =
                    "With a body {\"records\": [\"0@12\", \"2@5\"]}: those records (all or none: 404 if one is"
                            + " missing). Without a body: the page GET would list for the same parameters, with its 'next'"
                            + " cursor. Safe to repeat: indexing is idempotent; a record that fails again is dead-lettered again.")
    public Response replay(
            @QueryParam("partition") String partition,
            @QueryParam("offset") String offset,
            @QueryParam("limit") @DefaultValue("100") String limit,
            @QueryParam("errorClass") String errorClass,
            @QueryParam("episode") String episode,
            String body) {
        if (body == null || body.isBlank()) {
            DeadLetterStore.Replay page =
                    deadLetters.replayPage(start(partition, offset), size(limit), filter(errorClass, episode));
            return Response.accepted(new Replayed(page.letters().size(), page.letters(), page.next()))
                    .build();
        }
        if (partition != null || offset != null || errorClass != null || episode != null) {
            throw ProblemException.badParameter(
                    "records", "give either a body with the records to replay or a page's parameters, not both");
        }
        return replayed(deadLetters.replay(selection(body)));
    }

    private Response replayed(DeadLetterStore.Replay replay) {
        if (!replay.missing().isEmpty()) {
            throw new ProblemException(
                    404,
                    "not-found",
                    "Not found",
                    "no dead letter at " + replay.missing() + "; nothing was replayed",
                    Map.of(
                            "missing",
                            replay.missing().stream().map(Object::toString).toList()));
        }
        return Response.accepted(new Replayed(replay.letters().size(), replay.letters(), null))
                .build();
    }

    private TreeSet<DeadLetterPosition> selection(String body) {
        Selection selection;
        try {
            selection = json.readValue(body, Selection.class);
        } catch (JsonProcessingException e) {
            throw new ProblemException(JsonProblems.of(e)); // where, and which field, without Java names
        }
        if (selection == null
                || selection.records() == null
                || selection.records().isEmpty()
                || selection.records().size() > MAX_PAGE) {
            throw ProblemException.badParameter("records", "records lists 1 to " + MAX_PAGE + " partition@offset");
        }
        TreeSet<DeadLetterPosition> wanted = new TreeSet<>();
        selection.records().forEach(text -> wanted.add(DeadLetterPosition.parse("records", text)));
        return wanted;
    }

    private static DeadLetterPosition start(String partition, String offset) {
        boolean hasPartition = partition != null && !partition.isBlank();
        if (!hasPartition && offset != null && !offset.isBlank()) {
            throw ProblemException.badParameter("partition", "an offset needs the partition it is in");
        }
        return new DeadLetterPosition(
                hasPartition ? (int) RequestParameters.number("partition", partition, 0, Integer.MAX_VALUE) : 0,
                offset == null || offset.isBlank() ? 0 : RequestParameters.number("offset", offset, 0, Long.MAX_VALUE));
    }

    private static int size(String limit) {
        return (int) RequestParameters.number("limit", limit, 1, MAX_PAGE);
    }

    private static Predicate<DeadLetter> filter(String errorClass, String episode) {
        Predicate<DeadLetter> filter = letter -> true;
        if (errorClass != null && !errorClass.isBlank()) {
            String wanted = errorClass.strip();
            if (!DeadLetters.ERROR_CLASSES.contains(wanted)) {
                throw ProblemException.badParameter(
                        "errorClass",
                        "errorClass '" + wanted + "' is not one of " + String.join(", ", DeadLetters.ERROR_CLASSES)
                                + " (the classes dead letters are written with)");
            }
            filter = filter.and(letter -> wanted.equals(letter.errorClass()));
        }
        if (episode != null && !episode.isBlank()) {
            filter = filter.and(letter -> episode.strip().equals(letter.key()));
        }
        return filter;
    }
}
