package dev.podsearch.index;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.index.bulk.EpisodeIndexer;
import dev.podsearch.search.Indices;
import dev.podsearch.search.MomentDocument;
import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.RunningStack;
import dev.podsearch.testing.stack.StackTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.core.search.Hit;

/** OpenSearch going away mid-stream, and the whole topic applied again from offset 0. */
@QuarkusTest
class OutageAndReplayTest extends IndexTestBase {

    @Inject
    EpisodeIndexer indexer;

    @Test
    void anOpenSearchOutageLosesAndDuplicatesNothing() throws Exception {
        RunningStack stack = StackTestResource.current();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            publish(upsert(id, 1, "before the outage " + i, "second line"));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> moments(ids.getLast()).size() == 2);

        stack.interrupt(LocalStack.Component.OPENSEARCH);
        try {
            for (int i = 0; i < 5; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                publish(upsert(id, 1, "during the outage " + i, "second line", "third line"));
            }
            publish(upsert(ids.getFirst(), 2, "revised during the outage"));
        } finally {
            stack.resume(LocalStack.Component.OPENSEARCH);
        }

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    try {
                        return moments(ids.getLast()).size() == 3;
                    } catch (Exception e) {
                        return false; // OpenSearch still starting
                    }
                });
        await().atMost(Duration.ofSeconds(30))
                .until(() -> moments(ids.getFirst()).size() == 1);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            int expected = i == 0 ? 1 : i < 3 ? 2 : 3;
            List<MomentDocument> moments = moments(id);
            assertEquals(expected, moments.size(), "moments of episode " + i);
            assertEquals(
                    expected,
                    moments.stream().map(MomentDocument::ordinal).distinct().count(),
                    "no duplicates");
            assertEquals(i == 0 ? 2 : 1, episodeRevision(id));
        }
    }

    @Test
    void applyingTheWholeTopicAgainFromOffsetZeroYieldsTheSameIndex() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(upsert(id, 1, "one", "two", "three"));
        publish(upsert(id, 2, "uno", "dos"));
        String gone = UUID.randomUUID().toString();
        publish(upsert(gone, 1, "to be deleted"));
        publish(TranscriptEvent.delete(gone, 2, java.time.Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> moments(id).size() == 2
                        && episodeRevision(gone) == 0
                        && moments(gone).isEmpty());
        Map<String, String> before = snapshot();

        // Everything the topic holds, from offset 0, through the same indexer, in batches as the consumer makes them.
        List<TranscriptEvent> all = readTopicFromStart();
        for (int from = 0; from < all.size(); from += 50) {
            indexer.apply(all.subList(from, Math.min(all.size(), from + 50)));
        }

        assertEquals(before, snapshot());
    }

    /** Every document of both indices: id -> version and source. */
    private Map<String, String> snapshot() throws Exception {
        client.indices().refresh(r -> r.index(Indices.MOMENTS, Indices.EPISODES));
        Map<String, String> documents = new HashMap<>();
        for (String index : List.of(Indices.MOMENTS, Indices.EPISODES)) {
            for (Hit<Map> hit : client.search(s -> s.index(index).size(10_000).version(true), Map.class)
                    .hits()
                    .hits()) {
                documents.put(index + "/" + hit.id(), hit.version() + " " + hit.source());
            }
        }
        return documents;
    }

    private List<TranscriptEvent> readTopicFromStart() {
        List<TranscriptEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : kafka.partitionsFor(Topics.TRANSCRIPTS)) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(kafka.endOffsets(partitions));
            while (partitions.stream().anyMatch(p -> kafka.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(200))) {
                    try {
                        TranscriptEvent event = TranscriptEventCodec.decode(record.value());
                        if (event.episodeId().equals(record.key())) {
                            events.add(event);
                        }
                    } catch (TranscriptEventCodec.InvalidEventException poison) {
                        // dead-lettered the first time; skipped the same way now
                    }
                }
            }
        }
        return events;
    }
}
