package dev.podsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.search.Indices;
import dev.podsearch.search.Mappings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The query benchmark's corpus: generated episodes indexed into the aliased indices query-service reads, with the
 * shared definitions, as index-service and its embed stage would write them (moments with a stand-in vector each,
 * {@link MomentVectors}, unless vectors are off).
 */
final class QueryCorpus {

    /**
     * How long loading took (the bulk requests, and the refresh and merge that follow), and the moments index's size on
     * disk per moment (primaries, after the merge: the capacity figure of deploy/README).
     */
    record Loaded(long documents, double bulkSeconds, double mergeSeconds, double bytesPerMoment) {}

    private QueryCorpus() {}

    static Loaded load(Engine engine, int episodes, int kilobytes, boolean vectors) throws Exception {
        engine.create(Mappings.MOMENTS_INDEX, Mappings.MOMENTS_INDEX, Indices.MOMENTS);
        engine.create(Mappings.EPISODES_INDEX, Mappings.EPISODES_INDEX, Indices.EPISODES);
        settings("{\"index\":{\"refresh_interval\":\"-1\"}}", engine);
        CorpusGenerator generator = new CorpusGenerator(5);
        long documents = 0;
        long start = System.nanoTime();
        for (int from = 0; from < episodes; from += 250) {
            List<TranscriptEvent> events = new ArrayList<>();
            for (int i = from; i < Math.min(episodes, from + 250); i++) {
                // ids fixed per episode number, so the moments' vectors are the same in every run
                String id = UUID.nameUUIDFromBytes(("bench-episode-" + i).getBytes(StandardCharsets.UTF_8))
                        .toString();
                events.add(generator.episode(i, kilobytes * 1024).event(id, 1));
            }
            Engine.Bulk bulk = Engine.bulk(
                    events, Indices.MOMENTS, Indices.EPISODES, 2000, 5_000_000, vectors ? MomentVectors::of : null);
            for (byte[] body : bulk.bodies()) {
                engine.call("POST", "/_bulk", body);
            }
            documents += bulk.documents();
            System.err.printf(
                    "[bench] indexed %d of %d episodes (%d documents, %.0f s)%n",
                    Math.min(episodes, from + 250), episodes, documents, (System.nanoTime() - start) / 1e9);
        }
        double bulkSeconds = (System.nanoTime() - start) / 1e9;
        long merge = System.nanoTime();
        settings("{\"index\":{\"refresh_interval\":\"1s\"}}", engine);
        engine.refresh(Indices.MOMENTS + "," + Indices.EPISODES);
        engine.call("POST", "/" + Indices.MOMENTS + "," + Indices.EPISODES + "/_forcemerge?max_num_segments=5", null);
        double mergeSeconds = (System.nanoTime() - merge) / 1e9;
        System.err.printf("[bench] corpus loaded: bulk %.0f s, refresh and merge %.0f s%n", bulkSeconds, mergeSeconds);
        JsonNode primaries = engine.call("GET", "/" + Indices.MOMENTS + "/_stats/store,docs", null)
                .at("/_all/primaries");
        double bytesPerMoment = primaries.at("/store/size_in_bytes").asDouble()
                / Math.max(1, primaries.at("/docs/count").asLong());
        return new Loaded(documents, bulkSeconds, mergeSeconds, bytesPerMoment);
    }

    private static void settings(String body, Engine engine) throws Exception {
        engine.call(
                "PUT",
                "/" + Indices.MOMENTS + "," + Indices.EPISODES + "/_settings",
                body.getBytes(StandardCharsets.UTF_8));
    }
}
