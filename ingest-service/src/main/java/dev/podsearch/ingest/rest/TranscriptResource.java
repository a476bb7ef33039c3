package dev.podsearch.ingest.rest;

import dev.podsearch.ingest.EpisodeMetadata;
import dev.podsearch.ingest.IngestResult;
import dev.podsearch.ingest.IngestService;
import dev.podsearch.ingest.Transcript;
import dev.podsearch.support.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/v1/transcripts")
@Produces(MediaType.APPLICATION_JSON)
public class TranscriptResource {

    @Inject
    IngestService ingest;

    @POST
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(
            summary = "Upload a transcript",
            description =
                    "Stores the transcript and queues it for indexing. "
                            + "Answers 202 with the episode id, its revision and status; identical content creates no new revision.")
    public Response upload(
            byte[] body,
            @Parameter(description = "Show (podcast) name") @QueryParam("show") String show,
            @Parameter(description = "Episode title; defaults to the file's title line") @QueryParam("title")
                    String title,
            @Parameter(description = "Show notes; default from the file") @QueryParam("notes") String notes,
            @Parameter(description = "ISO-8601 date or date-time", example = "2026-05-17") @QueryParam("publishedAt")
                    String publishedAt,
            @Parameter(description = "http(s) URL of the audio") @QueryParam("audioUrl") String audioUrl,
            @Parameter(description = "Language tag", example = "en") @QueryParam("language") String language,
            @Parameter(description = "Your id for the episode; uploads with the same id are revisions of one episode")
                    @QueryParam("externalId")
                    String externalId,
            @Parameter(description = "Comma-separated speaker names") @QueryParam("speakers") String speakers) {
        EpisodeMetadata metadata =
                EpisodeMetadata.of(show, title, notes, publishedAt, audioUrl, language, externalId, speakers);
        IngestResult result = ingest.ingest(body, metadata);
        return Response.accepted(result)
                .location(URI.create("/v1/transcripts/" + result.id()))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An upload's metadata, revision and status")
    public TranscriptView get(@PathParam("id") String id) {
        UUID uuid = parseId(id);
        return Transcript.findByIdOptional(uuid)
                .map(TranscriptView::of)
                .orElseThrow(() -> ProblemException.notFound("transcript", id));
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("id", "'" + id + "' is not a transcript id (a UUID)");
        }
    }
}
