package dev.podsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.events.KafkaClients;
import dev.podsearch.events.KafkaTopics;
import dev.podsearch.events.TopicSettings;
import dev.podsearch.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/**
 * The topics are created at start with the sizes configured for the tests ({@code %test.topics.partitions=4}, not the
 * default 3) and the settings the KafkaTopics declare; topics that exist are compared, never changed.
 */
@QuarkusTest
class TopicCreationTest extends IndexTestBase {

    private static final List<String> TOPICS =
            List.of(Topics.TRANSCRIPTS, Topics.TRANSCRIPTS_DLQ, Topics.TRANSCRIPTS_INDEXED);

    @Inject
    KafkaTopics topics;

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    @Test
    void theTopicsHaveTheConfiguredSizesAndTheDeclaredSettings() throws Exception {
        assertEquals(new TopicSettings(4, (short) 1), topics.settings());
        assertEquals(List.of(), topics.differences());
        try (Admin admin = admin()) {
            Map<String, TopicDescription> described =
                    admin.describeTopics(TOPICS).allTopicNames().get();
            for (String topic : TOPICS) {
                assertEquals(4, described.get(topic).partitions().size(), topic);
                assertEquals(
                        1,
                        described.get(topic).partitions().getFirst().replicas().size(),
                        topic);
            }
            Map<ConfigResource, Config> configs = admin.describeConfigs(TOPICS.stream()
                            .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t))
                            .toList())
                    .all()
                    .get();
            assertEquals("16777216", value(configs, Topics.TRANSCRIPTS, "max.message.bytes"));
            assertEquals("-1", value(configs, Topics.TRANSCRIPTS_DLQ, "retention.ms"));
            assertEquals("604800000", value(configs, Topics.TRANSCRIPTS_INDEXED, "retention.ms"));
            assertEquals("1", value(configs, Topics.TRANSCRIPTS, "min.insync.replicas"));
        }
    }

    @Test
    void topicsOfAnotherSizeAreReportedAndLeftAsTheyAre() throws Exception {
        List<String> differences =
                KafkaClients.ensureTopics(bootstrap, new TopicSettings(6, (short) 1), Duration.ofSeconds(10));
        assertEquals(3, differences.size(), differences.toString());
        assertTrue(
                differences.contains("transcripts.v1 has 4 partitions and 1 replicas; topics.partitions is 6 and"
                        + " topics.replication-factor 1"),
                differences.toString());
        try (Admin admin = admin()) {
            assertEquals(
                    4,
                    admin.describeTopics(List.of(Topics.TRANSCRIPTS))
                            .allTopicNames()
                            .get()
                            .get(Topics.TRANSCRIPTS)
                            .partitions()
                            .size());
        }
    }

    private static String value(Map<ConfigResource, Config> configs, String topic, String key) {
        return configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic))
                .get(key)
                .value();
    }
}
