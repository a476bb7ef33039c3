package dev.podsearch.ingest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.events.ContractSample;
import dev.podsearch.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The producer side of the contract: what ingest publishes has the shape of the contract's sample envelope, which the
 * index service's tests consume. A field added, renamed or dropped on one side fails here.
 */
@QuarkusTest
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void publishedEventsHaveTheShapeOfTheContractSample() throws Exception {
        String id = given().contentType("text/vtt")
                .queryParam("title", "Contract " + UUID.randomUUID())
                .queryParam("show", "Contract Show")
                .queryParam("notes", "notes")
                .queryParam("publishedAt", "2026-05-17T06:00:00Z")
                .queryParam("audioUrl", "https://media.example.org/c.mp3")
                .queryParam("language", "en")
                .queryParam("externalId", "contract-" + UUID.randomUUID())
                .queryParam("speakers", "Marta,Host")
                .body(SampleExportParserTest.fixture("keepers.vtt"))
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> given().get("/v1/transcripts/{id}", id).then().body("status", equalTo("PUBLISHED")));

        JsonNode published = JSON.readTree(rawEvent(id));
        JsonNode sample = JSON.readTree(ContractSample.bytes());

        assertEquals(fields(sample), fields(published));
        assertEquals(fields(sample.get("episode")), fields(published.get("episode")));
        assertEquals(
                fields(sample.get("segments").get(0)),
                fields(published.get("segments").get(0)));
        assertEquals(sample.get("schemaVersion"), published.get("schemaVersion"));
    }

    private static TreeSet<String> fields(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private byte[] rawEvent(String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "contract-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TRANSCRIPTS));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return record.value();
                    }
                }
            }
        }
        throw new AssertionError("no event for " + key);
    }
}
