package dev.podsearch.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.embed.Embedder;
import dev.podsearch.embed.Vectors;
import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.search.Indices;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.GetResponse;

/** Reading stored vectors, and an embedder that lets a test act while the stage is embedding. */
final class EmbedTestSupport {

    private EmbedTestSupport() {}

    /** A document as stored: its version, its source, and its vector (null when it has none). */
    record Stored(long version, ObjectNode source, float[] vector) {}

    static Stored stored(OpenSearchClient client, String index, String id) throws IOException {
        GetResponse<ObjectNode> response = client.get(g -> g.index(index).id(id), ObjectNode.class);
        if (!response.found()) {
            return null;
        }
        JsonNode embedding = response.source().get("embedding");
        float[] vector = null;
        if (embedding != null) {
            vector = new float[embedding.size()];
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) embedding.get(i).asDouble();
            }
        }
        return new Stored(response.version(), response.source(), vector);
    }

    static List<Stored> storedMoments(OpenSearchClient client, String episodeId, int count) throws IOException {
        List<Stored> moments = new ArrayList<>();
        for (int ordinal = 0; ordinal < count; ordinal++) {
            moments.add(stored(client, Indices.MOMENTS, Indices.momentId(episodeId, ordinal)));
        }
        return moments;
    }

    /** The outcomes announced for an episode, read until {@code enough} holds (or 30 s passed). */
    static List<IndexedEvent> outcomes(String bootstrap, String episodeId, Predicate<List<IndexedEvent>> enough) {
        return outcomes(bootstrap, episodeId, enough, Duration.ofSeconds(30));
    }

    static List<IndexedEvent> outcomes(
            String bootstrap, String episodeId, Predicate<List<IndexedEvent>> enough, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<IndexedEvent> outcomes = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TRANSCRIPTS_INDEXED));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !enough.test(outcomes)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (episodeId.equals(record.key())) {
                        outcomes.add(TranscriptEventCodec.decodeIndexed(record.value()));
                    }
                }
            }
        }
        return outcomes;
    }

    static long count(List<IndexedEvent> outcomes, String status) {
        return outcomes.stream().filter(o -> status.equals(o.status())).count();
    }

    static double cosine(float[] a, float[] b) {
        return Vectors.dot(Vectors.normalize(a), Vectors.normalize(b));
    }

    /** Runs {@code meanwhile} after the passages were read and before their vectors are returned. */
    static Embedder interleaving(Embedder real, Consumer<List<String>> meanwhile) {
        return new Embedder() {
            @Override
            public float[] embedQuery(String text) {
                return real.embedQuery(text);
            }

            @Override
            public List<float[]> embedPassages(List<String> texts) {
                List<float[]> vectors = real.embedPassages(texts);
                meanwhile.accept(texts);
                return vectors;
            }

            @Override
            public String model() {
                return real.model();
            }

            @Override
            public int dimensions() {
                return real.dimensions();
            }
        };
    }
}
