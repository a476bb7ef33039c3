package dev.podsearch.index;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.search.Indices;
import dev.podsearch.testing.management.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin API (dead letters, replay, reindex), metrics and health, on real Kafka and OpenSearch. */
@QuarkusTest
class IndexOperationsTest extends IndexTestBase {

    private void writeBlock(String alias, boolean blocked) throws Exception {
        client.indices().putSettings(s -> s.index(alias).settings(i -> i.blocks(b -> b.write(blocked))));
    }

    @Test
    void aRefusedEpisodeIsListedWithItsReasonAndReplayedAfterTheFix() throws Exception {
        String id = UUID.randomUUID().toString();
        writeBlock(Indices.EPISODES, true);
        try {
            publish(upsert(id, 1, "written while the episodes index refuses writes"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("episode", id)
                    .get("/admin/dead-letters")
                    .then()
                    .statusCode(200)
                    .body("count", equalTo(1))
                    .body("deadLetters[0].errorClass", equalTo("non-retryable"))
                    .body("deadLetters[0].reason", containsString("403"))
                    .body("deadLetters[0].originalTopic", equalTo("transcripts.v1"))
                    .body("deadLetters[0].attempts", equalTo(1)));
        } finally {
            writeBlock(Indices.EPISODES, false);
        }
        assertEquals(0, episodeRevision(id));

        JsonPath letter = given().queryParam("episode", id)
                .get("/admin/dead-letters")
                .then()
                .extract()
                .jsonPath();
        given().post(
                        "/admin/dead-letters/{p}/{o}/replay",
                        letter.getInt("deadLetters[0].partition"),
                        letter.getLong("deadLetters[0].offset"))
                .then()
                .statusCode(202)
                .body("replayed", equalTo(1))
                .body("records[0].key", equalTo(id));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> episodeRevision(id) == 1 && moments(id).size() == 1);

        given().post("/admin/dead-letters/{p}/{o}/replay", 0, 999_999_999)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("limit", "0")
                .get("/admin/dead-letters")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("limit"));
    }

    @Test
    void replayingAllDeadLettersOfAClassSendsThemBack() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(id, "{\"not\": \"an event\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().queryParams(Map.of("episode", id, "errorClass", "poison"))
                        .get("/admin/dead-letters")
                        .then()
                        .body("count", equalTo(1)));
        given().queryParams(Map.of("episode", id, "errorClass", "poison"))
                .post("/admin/dead-letters/replay")
                .then()
                .statusCode(202)
                .body("replayed", equalTo(1));
        // still poison: dead-lettered again, as a new record
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("episode", id)
                .get("/admin/dead-letters")
                .then()
                .body("count", equalTo(2)));
    }

    @Test
    void aReindexSwapsTheAliasesWithoutLosingAWrite() throws Exception {
        String before = UUID.randomUUID().toString();
        publish(upsert(before, 1, "indexed before the reindex"));
        await().atMost(Duration.ofSeconds(30)).until(() -> moments(before).size() == 1);
        String oldMoments = aliasTarget(Indices.MOMENTS);

        given().post("/admin/reindex").then().statusCode(202).body("state", equalTo("RUNNING"));
        given().post("/admin/reindex").then().statusCode(409).contentType("application/problem+json");
        String during = UUID.randomUUID().toString();
        publish(upsert(during, 1, "indexed during the reindex"));

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get("/admin/reindex")
                .then()
                .statusCode(200)
                .body("state", equalTo("DONE"))
                .body("indices.alias", hasItem("moments"))
                .body("indices.find { it.alias == 'moments' }.total", greaterThanOrEqualTo(1)));
        String newMoments = aliasTarget(Indices.MOMENTS);
        assertTrue(!newMoments.equals(oldMoments), "alias moved: " + oldMoments + " -> " + newMoments);
        await().atMost(Duration.ofSeconds(30)).until(() -> moments(during).size() == 1);
        assertEquals(1, moments(before).size());
        assertEquals(1, episodeRevision(during));

        // writes after the swap go to the new index only
        String after = UUID.randomUUID().toString();
        publish(upsert(after, 1, "indexed after the reindex"));
        await().atMost(Duration.ofSeconds(30)).until(() -> moments(after).size() == 1);
        client.indices().refresh(r -> r.index(oldMoments));
        long inOld = client.count(c -> c.index(oldMoments)
                        .query(q -> q.term(t -> t.field("episodeId")
                                .value(org.opensearch.client.opensearch._types.FieldValue.of(after)))))
                .count();
        assertEquals(0, inOld);
    }

    private String aliasTarget(String alias) throws Exception {
        return client.indices()
                .getAlias(a -> a.name(alias))
                .result()
                .keySet()
                .iterator()
                .next();
    }

    @Test
    void metricsCountWhatHappened() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(upsert(id, 1, "counted"));
        await().atMost(Duration.ofSeconds(30)).until(() -> moments(id).size() == 1);
        String metrics = ManagementPort.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String name : List.of(
                "podsearch_index_records_consumed_total",
                "podsearch_index_bulk_requests_total",
                "podsearch_index_bulk_latency_seconds",
                "podsearch_index_documents_total",
                "podsearch_consumer_lag{consumer=\"transcript\"}",
                "podsearch_consumer_records_total{consumer=\"transcript\"}",
                "podsearch_consumer_failures_total{consumer=\"transcript\"}")) {
            assertTrue(metrics.contains(name), name + " missing from /q/metrics");
        }
    }

    @Test
    void readinessChecksKafkaOpenSearchAndTheConsumer() {
        ManagementPort.given()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.name", hasItem("opensearch"))
                .body("checks.name", hasItem("transcript-consumer"))
                .body("checks.find { it.name == 'opensearch' }.status", equalTo("UP"));
    }
}
