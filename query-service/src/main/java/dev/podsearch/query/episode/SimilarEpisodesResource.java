package dev.podsearch.query.episode;

import dev.podsearch.query.episode.EpisodeResource.EpisodeView;
import dev.podsearch.search.EpisodeDocument;
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
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Episodes like one episode: by meaning (the nearest episode vectors) or by the topics they share. */
@Path("/v1/episodes/{id}/similar")
@PermitAll // public unless query.require-key=true (then the read-key permission applies first)
public class SimilarEpisodesResource {

    private static final int MAX_SIMILAR = 20;

    @Inject
    EpisodeReader reader;

    /** @param by {@code meaning} (nearest episode vectors) or {@code topics} (shared words, without vectors) */
    public record SimilarView(EpisodeView episode, String by, List<SimilarEpisode> similar) {}

    public record SimilarEpisode(
            String id,
            String title,
            String show,
            Instant publishedAt,
            String audioUrl,
            double score,
            List<String> topics) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Episodes about the same things",
            description = "Ranked by meaning (the nearest episode vectors) once the episode's vectors are written,"
                    + " else (or with by=topics) by the title, notes and most frequent phrases and words they share"
                    + " with this one; the answer's `by` says which ran.")
    public SimilarView similar(
            @Parameter(
                            description = "The episode's id, as in search results",
                            example = "5b0c6f2e-3d1a-4c8e-9a57-0d6f1b2c3e4f")
                    @PathParam("id")
                    String id,
            @Parameter(description = "How many, 1 to 20", example = "5") @QueryParam("size") @DefaultValue("5")
                    String size,
            @Parameter(
                            description = "meaning (default: the nearest episode vectors; topics until the episode's"
                                    + " vectors are written) or topics (shared title, notes and topics, no vectors)",
                            example = "meaning")
                    @QueryParam("by")
                    @DefaultValue("meaning")
                    String by) {
        int wanted = (int) RequestParameters.number("size", size, 1, MAX_SIMILAR);
        String method = by.strip().toLowerCase(Locale.ROOT);
        if (!method.equals("meaning") && !method.equals("topics")) {
            throw ProblemException.badParameter("by", "by '" + by.strip() + "' is not one of meaning, topics");
        }
        EpisodeDocument episode = reader.existing(id);
        EpisodeReader.Similar found = reader.similar(id, wanted, method.equals("meaning"));
        List<SimilarEpisode> similar = found.hits().stream()
                .map(hit -> {
                    EpisodeDocument e = hit.source();
                    List<String> topics = e.topics() == null ? List.of() : e.topics();
                    return new SimilarEpisode(
                            e.episodeId(),
                            e.title(),
                            e.show(),
                            e.publishedAt(),
                            e.audioUrl(),
                            hit.score() == null ? 0 : hit.score(),
                            topics.subList(0, Math.min(5, topics.size())));
                })
                .toList();
        return new SimilarView(EpisodeView.of(episode), found.by(), similar);
    }
}
