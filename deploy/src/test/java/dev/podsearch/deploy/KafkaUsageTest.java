package dev.podsearch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Kafka topics and groups each service declares, under the names its configuration gives the groups. */
class KafkaUsageTest {

    @Test
    void ingestWritesTranscriptsThroughTheOutboxAndReadsOutcomesInItsStatusGroup() {
        KafkaUsage ingest = KafkaUsage.of("ingest-service", property -> null);
        assertEquals(
                Set.of(
                        "topic:transcripts.v1:Write",
                        "topic:transcripts.indexed.v1:Read",
                        "group:ingest-service-status:Read"),
                ingest.rules().keySet());
        assertEquals("the outbox relay", ingest.rules().get("topic:transcripts.v1:Write"));
    }

    @Test
    void indexUsesAllThreeTopicsAndTheGroupsItsConfigurationNames() {
        Map<String, String> configured = Map.of("embedder.group-id", "embedders-b");
        KafkaUsage index = KafkaUsage.of("index-service", configured::get);
        assertEquals("the transcript consumer", index.rules().get("group:index-service:Read"));
        assertEquals(
                Set.of(
                        "topic:transcripts.v1:Read",
                        "topic:transcripts.v1:Write",
                        "topic:transcripts.v1.dlq:Read",
                        "topic:transcripts.v1.dlq:Write",
                        "topic:transcripts.indexed.v1:Read",
                        "topic:transcripts.indexed.v1:Write",
                        "group:index-service:Read",
                        "group:embedders-b:Read"),
                index.rules().keySet());
    }

    @Test
    void queryDoesNotUseKafka() {
        assertEquals(Map.of(), KafkaUsage.of("query-service", property -> null).rules());
    }
}
