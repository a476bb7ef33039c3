package dev.podsearch.query.episode;

import dev.podsearch.query.search.SearchResults;
import dev.podsearch.search.EpisodeDocument;
import dev.podsearch.search.EpisodeDocuments.TranscriptLine;
import dev.podsearch.support.ProblemException;
import dev.podsearch.support.RequestParameters;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * One episode: its metadata, its transcript in several formats, and the moments around a time ({@link
 * SimilarEpisodesResource} answers the episodes like it).
 */
@Path("/v1/episodes/{id}")
@PermitAll // public unless query.require-key=true (then the read-key permission applies first)
public class EpisodeResource {

    private static final int MAX_CONTEXT = 20;
    private static final CacheControl REVALIDATE = CacheControl.valueOf("no-cache");

    @Inject
    EpisodeReader reader;

    /** An episode as the API shows it. */
    public record EpisodeView(
            String id,
            long revision,
            String title,
            String show,
            String notes,
            Instant publishedAt,
            String audioUrl,
            String language,
            List<String> speakers,
            Long durationMs,
            int moments,
            int lines,
            List<String> topics) {

        static EpisodeView of(EpisodeDocument e) {
            return new EpisodeView(
                    e.episodeId(),
                    e.revision(),
                    e.title(),
                    e.show(),
                    e.notes(),
                    e.publishedAt(),
                    e.audioUrl(),
                    e.language(),
                    e.speakers(),
                    e.durationMs(),
                    e.moments(),
                    e.lines(),
                    e.topics());
        }
    }

    /** The moment at a time and its neighbours. */
    public record MomentsView(EpisodeView episode, long at, int current, List<SearchResults.Moment> moments) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "An episode's metadata",
            description = "With an ETag (the revision): send If-None-Match to get 304.")
    public Response episode(
            @Parameter(
                            description = "The episode's id, as in search results",
                            example = "5b0c6f2e-3d1a-4c8e-9a57-0d6f1b2c3e4f")
                    @PathParam("id")
                    String id,
            @jakarta.ws.rs.core.Context Request request) {
        EpisodeDocument episode = reader.existing(id);
        return cached(request, tag(episode, "meta"), () -> EpisodeView.of(episode), MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("/transcript")
    @Operation(
            summary = "An episode's transcript",
            description = "json (Podcasting 2.0 transcript), vtt, srt or txt. With an ETag (revision and format).")
    public Response transcript(
            @Parameter(
                            description = "The episode's id, as in search results",
                            example = "5b0c6f2e-3d1a-4c8e-9a57-0d6f1b2c3e4f")
                    @PathParam("id")
                    String id,
            @Parameter(description = "json, vtt, srt or txt", example = "vtt")
                    @QueryParam("format")
                    @DefaultValue("json")
                    String format,
            @jakarta.ws.rs.core.Context Request request) {
        String wanted = format.strip().toLowerCase(Locale.ROOT);
        String mediaType =
                switch (wanted) {
                    case "json" -> "application/json";
                    case "vtt" -> "text/vtt; charset=utf-8";
                    case "srt" -> "application/x-subrip; charset=utf-8";
                    case "txt" -> "text/plain; charset=utf-8";
                    default ->
                        throw ProblemException.badParameter(
                                "format", "format '" + format + "' is not one of json, vtt, srt, txt");
                };
        EpisodeDocument episode = reader.existing(id);
        return cached(
                request,
                tag(episode, wanted),
                () -> {
                    List<TranscriptLine> lines = reader.lines(id);
                    return switch (wanted) {
                        case "json" -> TranscriptFormats.podcastingJson(lines);
                        case "vtt" -> TranscriptFormats.webVtt(lines);
                        case "srt" -> TranscriptFormats.srt(lines);
                        default -> TranscriptFormats.text(lines);
                    };
                },
                mediaType);
    }

    @GET
    @Path("/moments")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The line said at a time, with its neighbours",
            description = "The transcript line under `at` (the last one starting at or before it) and `context` "
                    + "lines on each side; `current` is its index in `moments`.")
    public MomentsView moments(
            @Parameter(
                            description = "The episode's id, as in search results",
                            example = "5b0c6f2e-3d1a-4c8e-9a57-0d6f1b2c3e4f")
                    @PathParam("id")
                    String id,
            @Parameter(description = "Offset in milliseconds", required = true, example = "19000") @QueryParam("at")
                    String at,
            @Parameter(description = "Lines on each side, 0 to 20", example = "2")
                    @QueryParam("context")
                    @DefaultValue("2")
                    String context) {
        long offset = RequestParameters.number("at", at, 0, Long.MAX_VALUE);
        int around = (int) RequestParameters.number("context", context, 0, MAX_CONTEXT);
        EpisodeDocument episode = reader.existing(id);
        List<TranscriptLine> moments = reader.lines(id);
        int current = 0;
        for (int i = 0; i < moments.size(); i++) {
            Long start = moments.get(i).startMs();
            if (start != null && start <= offset) {
                current = i;
            }
        }
        int from = Math.max(0, current - around);
        int to = Math.min(moments.size(), current + around + 1);
        List<SearchResults.Moment> views = moments.subList(from, to).stream()
                .map(line -> SearchResults.Moment.of(episode, line))
                .toList();
        return new MomentsView(EpisodeView.of(episode), offset, current - from, views);
    }

    private static EntityTag tag(EpisodeDocument episode, String variant) {
        return new EntityTag(episode.episodeId() + "-r" + episode.revision() + "-" + variant);
    }

    private static Response cached(
            Request request, EntityTag tag, java.util.function.Supplier<Object> body, String mediaType) {
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.cacheControl(REVALIDATE).build();
        }
        return Response.ok(body.get(), mediaType)
                .tag(tag)
                .cacheControl(REVALIDATE)
                .build();
    }
}
