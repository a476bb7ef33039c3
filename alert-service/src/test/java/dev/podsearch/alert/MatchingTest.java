package dev.podsearch.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podsearch.events.IndexedEvent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The words phase on real Kafka, OpenSearch and PostgreSQL: an {@code INDEXED} outcome on transcripts.indexed.v1 for
 * moments in the moments index gives one pending delivery per matching alert, with its payload; none for an unrelated
 * or paused alert; filters and exclusions are honoured; a replayed outcome adds no second delivery; a deleted or failed
 * outcome adds none.
 */
@QuarkusTest
class MatchingTest {

    @Inject
    OpenSearchClient client;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anIndexedEpisodeGivesOneDeliveryPerMatchingAlert() throws Exception {
        String fog = alert("fog", Map.of());
        String fogNotShip = alert("fog -ship", Map.of());
        String coastal = alert("fog", Map.of("show", List.of("Coastal Hours")));
        String phrase = alert("\"fog horn\"", Map.of("lang", "en"));
        String unrelated = alert("sourdough", Map.of());
        String paused = alert("fog", Map.of());
        given().when().post("/v1/alerts/" + paused + "/pause").then().statusCode(200);

        String coast = "ep-coast-" + UUID.randomUUID();
        String kitchen = "ep-kitchen-" + UUID.randomUUID();
        MomentsFixture.index(
                client,
                MomentsFixture.episode(
                        coast,
                        3,
                        "Coastal Hours",
                        "en",
                        "Welcome back to the show.",
                        "The fog horn is the loudest thing she has ever loved.",
                        "A passing ship answered through the fog."));
        MomentsFixture.index(
                client,
                MomentsFixture.episode(
                        kitchen, 1, "Kitchen Talk", "fr", "Fog on the windows means the dough is proving."));
        publish(new IndexedEvent(coast, 3, "INDEXED", Instant.now(), null));
        publish(new IndexedEvent(kitchen, 1, "INDEXED", Instant.now(), null));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertEquals(1, deliveries(fog, kitchen).size()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertEquals(1, deliveries(fog, coast).size()));

        JsonNode payload = deliveries(fog, coast).getFirst();
        assertEquals(fog, payload.at("/alert/id").asText());
        assertEquals("fog", payload.at("/alert/q").asText());
        assertEquals(coast, payload.at("/episode/id").asText());
        assertEquals(3, payload.at("/episode/revision").asLong());
        assertEquals("Coastal Hours", payload.at("/episode/show").asText());
        assertEquals("Episode " + coast, payload.at("/episode/title").asText());
        assertTrue(payload.at("/episode/link").asText().endsWith("/episodes/" + coast));
        assertEquals(List.of(8000L, 16000L), starts(payload));
        JsonNode first = payload.at("/moments/0");
        assertEquals(
                "The fog horn is the loudest thing she has ever loved.",
                first.path("text").asText());
        assertEquals(
                "The <mark>fog</mark> horn is the loudest thing she has ever loved.",
                first.path("highlight").asText());
        assertEquals("words", first.path("matchedBy").asText());
        assertTrue(first.path("link").asText().contains("/v1/episodes/" + coast + "/moments?at=8000"));
        assertEquals(
                payload.path("deliveryId").asText(), deliveryIds(fog, coast).getFirst());

        assertEquals(List.of(8000L), starts(deliveries(fogNotShip, coast).getFirst()), "the ship moment is excluded");
        assertEquals(1, deliveries(coastal, coast).size());
        assertEquals(0, deliveries(coastal, kitchen).size(), "another show");
        assertEquals(List.of(8000L), starts(deliveries(phrase, coast).getFirst()));
        assertEquals(0, deliveries(phrase, kitchen).size(), "no phrase, and French");
        assertEquals(
                0,
                deliveries(unrelated, coast).size()
                        + deliveries(unrelated, kitchen).size());
        assertEquals(
                0,
                deliveries(paused, coast).size() + deliveries(paused, kitchen).size());

        // a replay of the same outcome, then a deletion and a failure: no new delivery; a marker episode after them
        // shows they were all consumed
        String marker = "ep-marker-" + UUID.randomUUID();
        MomentsFixture.index(client, MomentsFixture.episode(marker, 1, "Coastal Hours", "en", "More fog tonight."));
        publish(new IndexedEvent(coast, 3, "INDEXED", Instant.now(), null));
        publish(new IndexedEvent(coast, 4, "DELETED", Instant.now(), null));
        publish(new IndexedEvent(kitchen, 2, "FAILED", Instant.now(), "refused"));
        publish(new IndexedEvent(marker, 1, "INDEXED", Instant.now(), null));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertEquals(1, deliveries(fog, marker).size()));
        assertEquals(1, deliveries(fog, coast).size(), "the replay added no second delivery");
        assertEquals(1, deliveries(fog, kitchen).size());
    }

    private static String alert(String q, Map<String, Object> fields) {
        return AlertTests.alert(q, fields);
    }

    private static void publish(IndexedEvent event) throws Exception {
        AlertTests.publish(event);
    }

    private List<JsonNode> deliveries(String alert, String episode) throws Exception {
        return AlertTests.payloads(dataSource, alert, episode, "words");
    }

    private List<String> deliveryIds(String alert, String episode) throws Exception {
        return AlertTests.column(dataSource, alert, episode, "words", "id::text");
    }

    private static List<Long> starts(JsonNode payload) {
        return AlertTests.starts(payload);
    }
}
