package dev.podsearch.ingest;

import static dev.podsearch.ingest.SampleExportParserTest.fixture;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.events.TopicSetup;
import dev.podsearch.events.Topics;
import dev.podsearch.ingest.outbox.OutboxEvent;
import dev.podsearch.testing.management.ManagementPort;
import dev.podsearch.testing.tracing.LogCapture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An event Kafka refuses for good (here: larger than the topic's max.message.bytes, lowered for the test so a small
 * transcript is too large) is parked with its reason and blocks nothing; after the limit is raised again, the admin
 * retry publishes it.
 */
@QuarkusTest
class OutboxParkingTest {

    private static final int SMALL_LIMIT = 8_000;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anEventKafkaRefusesIsParkedWhileEveryOtherIsPublishedOnce() throws Exception {
        String show = "Parking " + UUID.randomUUID();
        await().atMost(Duration.ofSeconds(60)).until(() -> unsentEvents() == 0); // earlier tests' events are out
        String before;
        String tooLarge;
        String after;
        try (Admin admin = admin();
                LogCapture log = LogCapture.of("dev.podsearch.ingest.outbox")) {
            setTopicLimit(admin, SMALL_LIMIT);
            try {
                before = upload(show, "Before", fixture("keepers-plain.txt"));
                tooLarge = upload(show, "Too large", incompressibleText(1_000));
                after = upload(show, "After", fixture("keepers-plain.txt"));

                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/v1/transcripts/{id}", tooLarge)
                        .then()
                        .body("status", equalTo("FAILED"))
                        .body("statusReason", containsString("larger than Kafka accepts"))
                        .body("statusReason", containsString("split the transcript")));
                String traceId = given().get("/v1/transcripts/{id}", tooLarge).path("traceId");
                assertTrue(
                        log.lines().stream()
                                .anyMatch(line -> tooLarge.equals(line.episodeId())
                                        && line.message().contains("parked")
                                        && traceId.equals(line.traceId())),
                        "the 'parked' line carries the upload's trace id " + traceId + ": " + log.lines());
                for (String published : List.of(before, after)) {
                    await().atMost(Duration.ofSeconds(30))
                            .untilAsserted(() -> given().get("/v1/transcripts/{id}", published)
                                    .then()
                                    .body("status", equalTo("PUBLISHED")));
                }
                assertEquals(Map.of(before, 1L, after, 1L, tooLarge, 0L), eventsPerEpisode(before, after, tooLarge));

                long parkedId = parkedEventOf(tooLarge);
                given().get("/admin/outbox/parked")
                        .then()
                        .statusCode(200)
                        .body("parked", greaterThanOrEqualTo(1))
                        .body("items.find { it.id == " + parkedId + " }.episodeId", equalTo(tooLarge))
                        .body("items.find { it.id == " + parkedId + " }.revision", equalTo(1))
                        .body("items.find { it.id == " + parkedId + " }.attempts", equalTo(1))
                        .body("items.find { it.id == " + parkedId + " }.lastError", containsString("RecordTooLarge"));
                ManagementPort.given()
                        .get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("UP"))
                        .body("checks.find { it.name == 'outbox' }.data.parked", greaterThanOrEqualTo(1));
                ManagementPort.given()
                        .get("/q/metrics")
                        .then()
                        .body(matchesPattern("(?s).*\\npodsearch_ingest_outbox_parked(\\{[^}]*\\})? [1-9].*"));

                // parked means never sent again by itself: a later upload goes out, the parked event stays untried
                String later = upload(show, "Later", fixture("keepers-plain.txt"));
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/v1/transcripts/{id}", later)
                        .then()
                        .body("status", equalTo("PUBLISHED")));
                assertEquals(1, attemptsOf(parkedId));
            } finally {
                setTopicLimit(admin, TopicSetup.MAX_MESSAGE_BYTES);
            }
        }

        long parkedId = parkedEventOf(tooLarge);
        given().post("/admin/outbox/parked/{id}/retry", parkedId)
                .then()
                .statusCode(202)
                .body("retried.id", hasItem((int) parkedId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/v1/transcripts/{id}", tooLarge)
                .then()
                .body("status", equalTo("PUBLISHED"))
                .body("statusReason", equalTo(null)));
        assertEquals(Map.of(before, 1L, after, 1L, tooLarge, 1L), eventsPerEpisode(before, after, tooLarge));
        given().get("/admin/outbox/parked").then().body("items.id", not(hasItem((int) parkedId)));
    }

    @Test
    void retryingAnUnknownParkedEventIsANotFoundProblem() {
        given().post("/admin/outbox/parked/{id}/retry", Long.MAX_VALUE)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/not-found"))
                .body("detail", containsString("no parked outbox event with id '" + Long.MAX_VALUE + "'"));
        given().post("/admin/outbox/parked/{id}/retry", "seven")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("id"));
    }

    private static String upload(String show, String title, String body) {
        return given().contentType("text/plain")
                .queryParam("show", show)
                .queryParam("title", title)
                .queryParam("format", "text")
                .body(body)
                .when()
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .body("status", equalTo("RECEIVED"))
                .extract()
                .path("id");
    }

    /** Text zstd cannot shrink much: random hex, about half its size after compression. */
    private static String incompressibleText(int lines) {
        return IntStream.range(0, lines)
                .mapToObj(i -> UUID.randomUUID() + " " + UUID.randomUUID() + ((i % 10 == 9) ? "\n\n" : "\n"))
                .collect(Collectors.joining());
    }

    private static Map<String, Long> eventsPerEpisode(String... episodes) {
        Map<String, Long> counts = TopicReader.countsByKey(Topics.TRANSCRIPTS);
        return java.util.Arrays.stream(episodes).collect(Collectors.toMap(id -> id, id -> counts.getOrDefault(id, 0L)));
    }

    private static long unsentEvents() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("sentAt is null and parkedAt is null"));
    }

    private static long parkedEventOf(String episode) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.<OutboxEvent>find("episodeId = ?1", UUID.fromString(episode))
                        .singleResult()
                        .id);
    }

    private static int attemptsOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>findById(id).attempts);
    }

    private static Admin admin() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** Sets the topic's max.message.bytes and waits until the broker applies it. */
    private static void setTopicLimit(Admin admin, int bytes) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.TRANSCRIPTS);
        ConfigEntry entry = new ConfigEntry("max.message.bytes", Integer.toString(bytes));
        admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(entry, AlterConfigOp.OpType.SET))))
                .all()
                .get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> Integer.toString(bytes)
                .equals(admin.describeConfigs(List.of(topic))
                        .all()
                        .get(10, TimeUnit.SECONDS)
                        .get(topic)
                        .get("max.message.bytes")
                        .value()));
    }
}
