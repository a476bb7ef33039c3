package dev.podsearch.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.embed.Embedder;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.search.EpisodeDocuments;
import dev.podsearch.search.Hubness;
import dev.podsearch.search.Indices;
import dev.podsearch.search.MomentDocument;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;

/** Indexes test episodes with the vectors the embed stage would write for them (the real model). */
final class VectorCorpus {

    private VectorCorpus() {}

    /** The service's model, once it has loaded (in the background from start-up). */
    static Embedder model(dev.podsearch.embed.Embeddings embeddings) {
        return org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofMinutes(2))
                .until(() -> embeddings.ready() ? embeddings.embedder().orElseThrow() : null, e -> e != null);
    }

    /** The events' moments with the vectors of their text and their hubness, as the embed stage writes them. */
    static void index(OpenSearchClient client, ObjectMapper json, List<TranscriptEvent> events, Embedder embedder)
            throws IOException {
        List<BulkOperation> operations = new ArrayList<>();
        for (TranscriptEvent event : events) {
            EpisodeDocuments documents = EpisodeDocuments.of(event, Instant.now());
            List<MomentDocument> moments = documents.moments();
            List<float[]> vectors = embedder.embedPassages(
                    moments.stream().map(MomentDocument::text).toList());
            ObjectNode episode = json.valueToTree(documents.episode());
            var mean = episode.putArray("embedding");
            for (float v : meanOf(vectors)) {
                mean.add(v);
            }
            operations.add(BulkOperation.of(op -> op.index(
                    ix -> ix.index(Indices.EPISODES).id(event.episodeId()).document(episode))));
            double[] hubness = Hubness.of(vectors.toArray(float[][]::new));
            for (int i = 0; i < moments.size(); i++) {
                MomentDocument m = moments.get(i);
                ObjectNode source = json.valueToTree(m);
                source.put(Hubness.FIELD, hubness[i]);
                var vector = source.putArray("embedding");
                for (float v : vectors.get(i)) {
                    vector.add(v);
                }
                operations.add(BulkOperation.of(op -> op.index(ix -> ix.index(Indices.MOMENTS)
                        .id(Indices.momentId(m.episodeId(), m.ordinal()))
                        .document(source))));
            }
        }
        var response = client.bulk(
                b -> b.operations(operations).refresh(org.opensearch.client.opensearch._types.Refresh.True));
        if (response.errors()) {
            throw new IOException("indexing with vectors failed: " + response.items());
        }
    }

    /** The normalized mean of the moments' vectors: an episode's vector, as the embed stage computes it. */
    private static float[] meanOf(List<float[]> vectors) {
        float[] mean = new float[vectors.getFirst().length];
        vectors.forEach(v -> {
            for (int i = 0; i < v.length; i++) {
                mean[i] += v[i];
            }
        });
        double norm = 0;
        for (float v : mean) {
            norm += v * v;
        }
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= (float) Math.sqrt(norm);
        }
        return mean;
    }
}
