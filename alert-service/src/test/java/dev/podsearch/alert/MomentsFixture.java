package dev.podsearch.alert;

import dev.podsearch.events.Episode;
import dev.podsearch.events.Segment;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.search.EpisodeDocuments;
import dev.podsearch.search.Indices;
import dev.podsearch.search.Mappings;
import dev.podsearch.search.MomentDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/** Moments indexed as index-service writes them (search-model's mapping and documents), for the matching tests. */
final class MomentsFixture {

    private static boolean created;

    private MomentsFixture() {}

    /** An episode whose lines are eight seconds apart, speakers taking turns: each line a moment of its own. */
    static TranscriptEvent episode(String id, long revision, String show, String language, String... lines) {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            segments.add(new Segment(i * 8000L, i * 8000L + 8000, i % 2 == 0 ? "Host" : "Guest", lines[i]));
        }
        Episode episode = new Episode(
                show,
                "Episode " + id,
                null,
                Instant.parse("2026-05-17T06:00:00Z"),
                null,
                language,
                null,
                List.of("Host", "Guest"));
        return TranscriptEvent.upsert(id, revision, Instant.now(), episode, segments);
    }

    /** Writes the event's moments into the moments index (created first if needed) and refreshes. */
    static synchronized void index(OpenSearchClient client, TranscriptEvent event) throws IOException {
        if (!created) {
            create(client);
            created = true;
        }
        List<BulkOperation> operations = new ArrayList<>();
        for (MomentDocument m : EpisodeDocuments.of(event, Instant.now()).moments()) {
            operations.add(BulkOperation.of(op -> op.index(ix -> ix.index(Indices.MOMENTS)
                    .id(Indices.momentId(m.episodeId(), m.ordinal()))
                    .document(m))));
        }
        var response = client.bulk(b -> b.operations(operations).refresh(Refresh.True));
        if (response.errors()) {
            throw new IOException("indexing moments failed: " + response.items());
        }
    }

    /** Gives an indexed episode's moments vectors and a hubness, as the embed stage writes them, and refreshes. */
    static void embed(OpenSearchClient client, String episodeId, List<float[]> vectors, double hubness)
            throws IOException {
        List<BulkOperation> operations = new ArrayList<>();
        for (int ordinal = 0; ordinal < vectors.size(); ordinal++) {
            Map<String, Object> fields = Map.of("embedding", vectors.get(ordinal), "hubness", hubness);
            String id = Indices.momentId(episodeId, ordinal);
            operations.add(BulkOperation.of(
                    op -> op.update(u -> u.index(Indices.MOMENTS).id(id).document(fields))));
        }
        var response = client.bulk(b -> b.operations(operations).refresh(Refresh.True));
        if (response.errors()) {
            throw new IOException("writing vectors failed: " + response.items());
        }
    }

    private static void create(OpenSearchClient client) throws IOException {
        String definition = new String(Mappings.definition(Mappings.MOMENTS_INDEX), StandardCharsets.UTF_8);
        String withAlias = definition.replaceFirst("\\{", "{\"aliases\":{\"" + Indices.MOMENTS + "\":{}},");
        try (Response response = client.generic()
                .execute(Requests.create(
                        "PUT",
                        "/" + Mappings.MOMENTS_INDEX,
                        List.of(),
                        Map.of(),
                        Body.from(withAlias.getBytes(StandardCharsets.UTF_8), "application/json")))) {
            if (response.getStatus() >= 300) {
                throw new IOException("creating the moments index: "
                        + response.getBody().map(Body::bodyAsString).orElse(""));
            }
        }
    }
}
