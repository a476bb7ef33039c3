package dev.podsearch.alert;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podsearch.events.IndexedEvent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The meaning phase on real servers: an {@code EMBEDDED} outcome gives a hybrid alert one delivery (phase meaning)
 * with the moments near its query vector above the floor (after the hubness correction), without the moments it
 * matches by words, and within its exclusions and filters; keyword and paused alerts get none; a replay adds none.
 * Vectors here are unit vectors: a moment along the query's is near (corrected score 0.875), one across it is not
 * (0.375; the floor is 0.649).
 */
@QuarkusTest
class MeaningMatchingTest {

    @Inject
    OpenSearchClient client;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEmbeddedEpisodeGivesHybridAlertsTheMomentsNearTheirMeaning() throws Exception {
        String hybrid = AlertTests.alert("fog", Map.of("mode", "hybrid"));
        String hybridNotShip = AlertTests.alert("fog -ship", Map.of("mode", "hybrid"));
        String otherShow = AlertTests.alert("fog", Map.of("mode", "hybrid", "show", List.of("Coastal Hours")));
        String keyword = AlertTests.alert("fog", Map.of());
        String paused = AlertTests.alert("fog", Map.of("mode", "hybrid"));
        given().when().post("/v1/alerts/" + paused + "/pause").then().statusCode(200);

        String episode = "ep-mist-" + UUID.randomUUID();
        MomentsFixture.index(
                client,
                MomentsFixture.episode(
                        episode,
                        2,
                        "Harbour Notes",
                        "en",
                        "The harbour disappears behind a grey wall every morning.",
                        "We heard the fog from the pier today.",
                        "Grey walls of sea mist hide the ship.",
                        "Bread and butter recipes for the weekend."));
        float[] near = CompileStub.QUERY_VECTOR;
        MomentsFixture.embed(client, episode, List.of(near, near, near, CompileStub.unit(1)), 0.5);
        AlertTests.publish(new IndexedEvent(episode, 2, "EMBEDDED", Instant.now(), null));

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertEquals(
                        1,
                        AlertTests.payloads(dataSource, hybrid, episode, "meaning")
                                .size()));
        JsonNode payload =
                AlertTests.payloads(dataSource, hybrid, episode, "meaning").getFirst();
        // moment 1 says "fog": the words phase's; moment 3 is about something else
        assertEquals(List.of(0L, 16000L), AlertTests.starts(payload));
        assertEquals("meaning", payload.at("/moments/0/matchedBy").asText());
        assertEquals(
                "The harbour disappears behind a grey wall every morning.",
                payload.at("/moments/0/highlight").asText());
        assertEquals(
                List.of(0L),
                AlertTests.starts(AlertTests.payloads(dataSource, hybridNotShip, episode, "meaning")
                        .getFirst()));
        assertEquals(
                0,
                AlertTests.payloads(dataSource, otherShow, episode, "meaning").size(),
                "another show");
        assertEquals(
                0,
                AlertTests.payloads(dataSource, keyword, episode, "meaning").size(),
                "keyword alerts match by words only");
        assertEquals(
                0, AlertTests.payloads(dataSource, paused, episode, "meaning").size());
        assertEquals(
                0,
                AlertTests.payloads(dataSource, hybrid, episode, "words").size(),
                "no INDEXED outcome was published");

        String marker = "ep-mist-marker-" + UUID.randomUUID();
        MomentsFixture.index(client, MomentsFixture.episode(marker, 1, "Harbour Notes", "en", "A grey morning."));
        MomentsFixture.embed(client, marker, List.of(near), 0.5);
        AlertTests.publish(new IndexedEvent(episode, 2, "EMBEDDED", Instant.now(), null));
        AlertTests.publish(new IndexedEvent(marker, 1, "EMBEDDED", Instant.now(), null));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertEquals(
                        1,
                        AlertTests.payloads(dataSource, hybrid, marker, "meaning")
                                .size()));
        assertEquals(
                1, AlertTests.payloads(dataSource, hybrid, episode, "meaning").size(), "the replay added none");
        List<String> ids = new ArrayList<>();
        AlertTests.payloads(dataSource, hybrid, episode, "meaning")
                .forEach(p -> ids.add(p.path("deliveryId").asText()));
        assertEquals(1, ids.size());
    }
}
