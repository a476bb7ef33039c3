package dev.podsearch.query.episode;

import dev.podsearch.search.EpisodeDocument;
import dev.podsearch.search.EpisodeDocuments;
import dev.podsearch.search.Indices;
import dev.podsearch.search.MomentDocument;
import dev.podsearch.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/** Reads one episode, its moments and its transcript lines, in time order, from the indices. */
@ApplicationScoped
public class EpisodeReader {

    private static final int PAGE = 2000;
    private static final String VECTOR = "embedding";

    @Inject
    OpenSearchClient client;

    /** The episode, or a 404 problem naming it. */
    public EpisodeDocument existing(String id) {
        return episode(id).orElseThrow(() -> ProblemException.notFound("episode", id));
    }

    public Optional<EpisodeDocument> episode(String id) {
        try {
            var response = client.get(g -> g.index(Indices.EPISODES).id(id), EpisodeDocument.class);
            return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable", e);
        }
    }

    /** Episodes about the same things, best first, the episode itself left out, and how they were found. */
    public record Similar(List<Hit<EpisodeDocument>> hits, String by) {}

    /**
     * Episodes about the same things: the nearest episode vectors (the mean of each episode's moment vectors) when the
     * episode has one; otherwise a more-like-this query over the title, notes and topics (the phrases and words said
     * most). {@code byMeaning} false: more-like-this even when there is a vector.
     */
    public Similar similar(String episodeId, int size, boolean byMeaning) {
        try {
            Optional<List<Float>> vector = byMeaning ? vector(episodeId) : Optional.empty();
            if (vector.isPresent()) {
                return new Similar(nearest(episodeId, vector.get(), size), "meaning");
            }
            return new Similar(moreLikeThis(episodeId, size), "topics");
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable", e);
        }
    }

    private Optional<List<Float>> vector(String episodeId) throws IOException {
        var response = client.get(
                g -> g.index(Indices.EPISODES).id(episodeId).sourceIncludes(VECTOR),
                com.fasterxml.jackson.databind.node.ObjectNode.class);
        if (!response.found() || response.source() == null || !response.source().has(VECTOR)) {
            return Optional.empty();
        }
        List<Float> vector = new ArrayList<>();
        response.source().get(VECTOR).forEach(v -> vector.add(v.floatValue()));
        return vector.isEmpty() ? Optional.empty() : Optional.of(vector);
    }

    private List<Hit<EpisodeDocument>> nearest(String episodeId, List<Float> vector, int size) throws IOException {
        return client.search(
                        s -> s.index(Indices.EPISODES)
                                .size(size)
                                .source(src -> src.filter(f -> f.excludes("suggest*", VECTOR)))
                                .query(q -> q.knn(k -> k.field(VECTOR)
                                        .vector(vector)
                                        .k(size)
                                        .filter(f -> f.bool(b -> b.mustNot(m -> m.ids(i -> i.values(episodeId))))))),
                        EpisodeDocument.class)
                .hits()
                .hits();
    }

    private List<Hit<EpisodeDocument>> moreLikeThis(String episodeId, int size) throws IOException {
        return client.search(
                        s -> s.index(Indices.EPISODES)
                                .size(size)
                                .source(src -> src.filter(f -> f.excludes("suggest*", VECTOR)))
                                .query(q -> q.moreLikeThis(m -> m.fields("title", "notes", "topics")
                                        .like(l -> l.document(
                                                d -> d.index(Indices.EPISODES).id(episodeId)))
                                        .minTermFreq(1)
                                        .minDocFreq(1)
                                        .maxQueryTerms(40)
                                        .minimumShouldMatch("10%"))),
                        EpisodeDocument.class)
                .hits()
                .hits();
    }

    /** Every line of the episode's transcript in order. */
    public List<EpisodeDocuments.TranscriptLine> lines(String episodeId) {
        return EpisodeDocuments.lines(moments(episodeId));
    }

    /** Every moment of the episode in order, read in pages (a 10 MB transcript has thousands). */
    public List<MomentDocument> moments(String episodeId) {
        List<MomentDocument> moments = new ArrayList<>();
        List<FieldValue> after = null;
        try {
            while (true) {
                List<FieldValue> searchAfter = after;
                SearchResponse<MomentDocument> page = client.search(
                        s -> {
                            s.index(Indices.MOMENTS)
                                    .size(PAGE)
                                    .source(src -> src.filter(f -> f.excludes(VECTOR)))
                                    .query(q -> q.term(t -> t.field("episodeId").value(FieldValue.of(episodeId))))
                                    .sort(o -> o.field(f -> f.field("ordinal").order(SortOrder.Asc)));
                            if (searchAfter != null) {
                                s.searchAfter(searchAfter);
                            }
                            return s;
                        },
                        MomentDocument.class);
                List<Hit<MomentDocument>> hits = page.hits().hits();
                hits.forEach(hit -> moments.add(hit.source()));
                if (hits.size() < PAGE) {
                    return moments;
                }
                after = hits.getLast().sort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable", e);
        }
    }
}
