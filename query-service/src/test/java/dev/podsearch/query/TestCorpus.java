package dev.podsearch.query;

import dev.podsearch.search.EpisodeDocument;
import dev.podsearch.search.Indices;
import dev.podsearch.search.MomentDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * A small corpus the search tests control, indexed with the index service's own mappings (read from its module, so the
 * mapping exists once).
 */
final class TestCorpus {

    static final String LIGHTHOUSE = "ep-lighthouse";
    static final String BAKERY = "ep-bakery";
    static final String HOSTILE = "ep-hostile";

    private static boolean loaded;

    private TestCorpus() {}

    static synchronized void load(OpenSearchClient client) throws IOException {
        if (loaded) {
            return;
        }
        createIndex(client, "moments-v1", Indices.MOMENTS);
        createIndex(client, "episodes-v1", Indices.EPISODES);
        List<MomentDocument> moments = new ArrayList<>();
        moments.addAll(episode(
                LIGHTHOUSE,
                "Lighthouses and the Last Keepers",
                "Coastal Hours",
                "https://media.example.org/coastal/1.mp3",
                "Host",
                "en",
                "2026-05-17T06:00:00Z",
                "Welcome back to Coastal Hours.",
                "The keeper has climbed these stairs every night.",
                "She says the fog horn is the loudest thing she has ever loved.",
                "The horn of a passing ship answered through the fog."));
        moments.addAll(episode(
                BAKERY,
                "Bread at Dawn",
                "Kitchen Talk",
                null,
                "Baker",
                "fr",
                "2025-03-01T06:00:00Z",
                "We start the ovens at four.",
                "A sourdough starter is older than the bakery itself.",
                "Fog on the windows means the dough is proving."));
        moments.addAll(episode(
                HOSTILE,
                "Markup Episode",
                "Kitchen Talk",
                null,
                "Host",
                "en",
                "2026-05-18T06:00:00Z",
                "Someone typed <script>alert('fog')</script> into the transcript."));
        List<BulkOperation> operations = moments.stream()
                .map(m -> BulkOperation.of(op -> op.index(ix -> ix.index(Indices.MOMENTS)
                        .id(Indices.momentId(m.episodeId(), m.ordinal()))
                        .document(m))))
                .toList();
        List<BulkOperation> all = new ArrayList<>(operations);
        moments.stream()
                .collect(java.util.stream.Collectors.groupingBy(MomentDocument::episodeId))
                .forEach((id, list) -> {
                    MomentDocument first = list.getFirst();
                    EpisodeDocument episode = new EpisodeDocument(
                            id,
                            1,
                            first.title(),
                            "Notes of " + first.title(),
                            first.show(),
                            first.publishedAt(),
                            first.audioUrl(),
                            first.language(),
                            List.of(first.speaker()),
                            list.getLast().endMs(),
                            list.size());
                    all.add(BulkOperation.of(op ->
                            op.index(ix -> ix.index(Indices.EPISODES).id(id).document(episode))));
                });
        client.bulk(b -> b.operations(all).refresh(org.opensearch.client.opensearch._types.Refresh.True));
        loaded = true;
    }

    private static List<MomentDocument> episode(
            String id,
            String title,
            String show,
            String audio,
            String speaker,
            String language,
            String published,
            String... lines) {
        List<MomentDocument> moments = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            long start = i * 8000L + (id.equals(LIGHTHOUSE) ? 3000 : 0);
            moments.add(new MomentDocument(
                    id,
                    1,
                    i,
                    start,
                    start + 8000,
                    speaker,
                    lines[i],
                    title,
                    show,
                    Instant.parse(published),
                    audio,
                    language));
        }
        return moments;
    }

    private static void createIndex(OpenSearchClient client, String index, String alias) throws IOException {
        Path mapping = Path.of("../index-service/src/main/resources/opensearch/" + index + ".json");
        String definition = Files.readString(mapping);
        String withAlias = definition.replaceFirst("\\{", "{\"aliases\":{\"" + alias + "\":{}},");
        try (Response response = client.generic()
                .execute(Requests.create(
                        "PUT",
                        "/" + index,
                        List.of(),
                        Map.of(),
                        Body.from(withAlias.getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json")))) {
            if (response.getStatus() >= 300) {
                throw new IOException("creating " + index + ": "
                        + response.getBody().map(Body::bodyAsString).orElse(""));
            }
        }
    }
}
