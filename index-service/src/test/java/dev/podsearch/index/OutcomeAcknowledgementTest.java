package dev.podsearch.index;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEventCodec;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** A batch's offsets are committed only once Kafka acknowledged its outcome events. */
@QuarkusTest
class OutcomeAcknowledgementTest extends IndexTestBase {

    @Inject
    IndexerConfig config;

    @Test
    void offsetsWaitUntilTheOutcomeIsAcknowledgedAndTheOutcomeIsDeliveredAfterwards() throws Exception {
        String id = UUID.randomUUID().toString();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ConfigResource outcomes = new ConfigResource(ConfigResource.Type.TOPIC, Topics.TRANSCRIPTS_INDEXED);
            RecordMetadata sent;
            TopicPartition partition;
            // the outcome topic refuses every record (each is larger than this): Kafka never acknowledges an outcome
            alter(
                    admin,
                    outcomes,
                    new AlterConfigOp(
                            new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "64"), AlterConfigOp.OpType.SET));
            try {
                sent = producer.send(new ProducerRecord<>(
                                Topics.TRANSCRIPTS,
                                id,
                                TranscriptEventCodec.encode(upsert(id, 1, "written, not yet announced"))))
                        .get();
                partition = new TopicPartition(sent.topic(), sent.partition());

                await().atMost(Duration.ofSeconds(30)).until(() -> moments(id).size() == 1);
                // written, and written again on every retry, but never committed while its outcome is refused
                await().during(Duration.ofSeconds(4))
                        .atMost(Duration.ofSeconds(15))
                        .until(() -> committed(admin, partition) <= sent.offset());
            } finally {
                alter(
                        admin,
                        outcomes,
                        new AlterConfigOp(
                                new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""),
                                AlterConfigOp.OpType.DELETE));
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> committed(admin, partition) > sent.offset());
            List<IndexedEvent> announced = outcomesOf(id);
            assertEquals(
                    1, announced.stream().map(IndexedEvent::revision).distinct().count(), announced.toString());
            assertEquals("INDEXED", announced.getFirst().status());
            assertEquals(1, announced.getFirst().revision());
        }
    }

    private static void alter(Admin admin, ConfigResource resource, AlterConfigOp op) throws Exception {
        Map<ConfigResource, Collection<AlterConfigOp>> change = Map.of(resource, List.of(op));
        admin.incrementalAlterConfigs(change).all().get();
    }

    private long committed(Admin admin, TopicPartition partition) throws Exception {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(config.groupId())
                .partitionsToOffsetAndMetadata()
                .get()
                .get(partition);
        return offset == null ? -1 : offset.offset();
    }

    /** The outcomes announced for an episode, read from the start of the outcome topic up to its end now. */
    private List<IndexedEvent> outcomesOf(String episodeId) {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = kafka.partitionsFor(Topics.TRANSCRIPTS_INDEXED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
            List<IndexedEvent> found = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> kafka.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(200))) {
                    if (episodeId.equals(record.key())) {
                        found.add(TranscriptEventCodec.decodeIndexed(record.value()));
                    }
                }
            }
            return found;
        }
    }
}
