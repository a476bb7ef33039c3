package dev.podsearch.alert.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.support.outbound.WebhookSignature;
import dev.podsearch.testing.access.KeyCheckStub;
import dev.podsearch.testing.tracing.LogCapture;
import dev.podsearch.testing.webhook.WebhookReceiver;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher as it runs, on the real PostgreSQL, against a real receiver on loopback (which the tests' {@code
 * outbound.allow} lets through): signed webhooks, retries with the same delivery id, timeouts, a failed delivery sent
 * again by hand, private targets refused at send time.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final String PAYLOAD = "{\"alert\": {\"name\": \"harbour\"}, \"moments\": [{\"startMs\": 61000}]}";
    private static final Duration DAY = Duration.ofDays(1);
    private static WebhookReceiver receiver;

    @Inject
    AgroalDataSource dataSource;

    private DeliveryRows rows;

    @BeforeAll
    static void startReceiver() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @BeforeEach
    void rows() {
        rows = new DeliveryRows(dataSource);
    }

    @Test
    void sendsOneSignedPostWhoseSignatureVerifies() {
        String secret = WebhookSignature.newSecret();
        UUID alert = rows.alert(receiver.script("/signed", 204), secret);
        UUID delivery = rows.delivery(alert, PAYLOAD, Duration.ZERO, DAY);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals("delivered", rows.status(delivery)));
        List<WebhookReceiver.Request> received = receiver.requests("/signed");
        assertEquals(1, received.size());
        WebhookReceiver.Request request = received.getFirst();
        assertEquals(delivery.toString(), request.deliveryId());
        assertEquals(rows.payload(delivery), request.body());
        assertTrue(WebhookSignature.verify(
                secret, request.timestamp(), request.body(), request.signature(), Duration.ofMinutes(5)));
        assertTrue(!WebhookSignature.verify(
                "another secret", request.timestamp(), request.body(), request.signature(), Duration.ofMinutes(5)));

        given().get("/v1/alerts/{id}/deliveries", alert)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(delivery.toString()))
                .body("items[0].status", equalTo("delivered"))
                .body("items[0].nextAttemptAt", nullValue())
                .body("items[0].deliveredAt", startsWith("20"))
                .body("items[0].attempts.statusCode", contains(204))
                .body("items[0].attempts[0].error", nullValue());
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> receiver.requests("/signed").size() == 1);
    }

    @Test
    void aReceiverFailingTwiceGetsTheSameDeliveryThreeTimes() {
        String secret = WebhookSignature.newSecret();
        UUID alert = rows.alert(receiver.script("/flaky", 500, 503, 200), secret);
        UUID delivery;
        try (LogCapture log = LogCapture.of(DeliveryLedger.class.getName())) {
            delivery = rows.delivery(alert, PAYLOAD, Duration.ZERO, DAY);
            await().atMost(Duration.ofSeconds(15))
                    .untilAsserted(() -> assertEquals("delivered", rows.status(delivery)));
            List<String> lines = log.lines().stream()
                    .filter(line -> line.message().contains(delivery.toString()))
                    .map(LogCapture.Line::message)
                    .toList();
            assertEquals(3, lines.size(), lines.toString());
            assertTrue(lines.get(0).contains("attempt 1, HTTP 500 (receiver answered 500)"), lines.get(0));
            assertTrue(lines.get(0).contains("next attempt at"), lines.get(0));
            assertTrue(lines.get(1).contains("attempt 2, HTTP 503"), lines.get(1));
            assertTrue(
                    lines.get(2).contains("attempt 3, HTTP 200") && lines.get(2).endsWith("delivered"));
        }

        List<WebhookReceiver.Request> received = receiver.requests("/flaky");
        assertEquals(3, received.size());
        for (WebhookReceiver.Request request : received) {
            assertEquals(delivery.toString(), request.deliveryId());
            assertTrue(WebhookSignature.verify(
                    secret, request.timestamp(), request.body(), request.signature(), Duration.ofMinutes(5)));
        }
        given().get("/v1/alerts/{id}/deliveries/{delivery}", alert, delivery)
                .then()
                .statusCode(200)
                .body("status", equalTo("delivered"))
                .body("lastStatusCode", equalTo(200))
                .body("attempts.statusCode", contains(500, 503, 200))
                .body("attempts.error", contains("receiver answered 500", "receiver answered 503", null))
                .body(
                        "attempts.responseExcerpt",
                        contains(
                                WebhookReceiver.answer("/flaky", 500),
                                WebhookReceiver.answer("/flaky", 503),
                                WebhookReceiver.answer("/flaky", 200)));
    }

    @Test
    void aReceiverThatNeverAnswersTimesOutThenAFailedDeliveryIsRetriedByHand() {
        String url = receiver.script("/silent", WebhookReceiver.SILENT);
        UUID alert = rows.alert(url, WebhookSignature.newSecret());
        UUID delivery = rows.delivery(alert, PAYLOAD, Duration.ZERO, Duration.ofMillis(1500));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertEquals("failed", rows.status(delivery)));
        given().get("/v1/alerts/{id}/deliveries/{delivery}", alert, delivery)
                .then()
                .statusCode(200)
                .body("status", equalTo("failed"))
                .body("lastError", equalTo("no answer within 1 s"))
                .body("attempts.error", everyItem(equalTo("no answer within 1 s")))
                .body("attempts.statusCode", everyItem(nullValue()));

        receiver.script("/silent", 202);
        given().post("/v1/alerts/{id}/deliveries/{delivery}/retry", alert, delivery)
                .then()
                .statusCode(202)
                .body("id", equalTo(delivery.toString()))
                .body("status", equalTo("pending"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals("delivered", rows.status(delivery)));
        given().get("/v1/alerts/{id}/deliveries/{delivery}", alert, delivery)
                .then()
                .body("attempts[-1].statusCode", equalTo(202))
                .body("lastError", nullValue());

        given().post("/v1/alerts/{id}/deliveries/{delivery}/retry", alert, delivery)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/delivery-not-retryable"))
                .body("status", equalTo("delivered"))
                .body("detail", containsString("only a failed delivery can be retried"));
    }

    @Test
    void privateTargetsAreRefusedAtSendTime() {
        UUID metadata = rows.alert("http://169.254.169.254/latest/meta-data/", WebhookSignature.newSecret());
        UUID internal = rows.alert("http://10.20.30.40/hook", WebhookSignature.newSecret());
        UUID toMetadata = rows.delivery(metadata, PAYLOAD, Duration.ZERO, Duration.ofMillis(800));
        UUID toInternal = rows.delivery(internal, PAYLOAD, Duration.ZERO, Duration.ofMillis(800));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertEquals("failed", rows.status(toMetadata));
            assertEquals("failed", rows.status(toInternal));
        });
        given().get("/v1/alerts/{id}/deliveries/{delivery}", metadata, toMetadata)
                .then()
                .body(
                        "lastError",
                        startsWith("refused: host '169.254.169.254' resolves to 169.254.169.254, a"
                                + " link-local address"))
                .body("attempts.statusCode", everyItem(nullValue()));
        given().get("/v1/alerts/{id}/deliveries/{delivery}", internal, toInternal)
                .then()
                .body("lastError", containsString("a private address; such targets are refused unless outbound.allow"));
    }

    @Test
    void deliveriesAreTheOwnersOnly() {
        UUID alert = rows.alert(receiver.script("/owned", 204), WebhookSignature.newSecret());
        UUID delivery = rows.delivery(alert, PAYLOAD, Duration.ofHours(1), DAY);

        given().get("/v1/alerts/{id}/deliveries", alert) // the owner's key
                .then()
                .statusCode(200)
                .body("items.id", contains(delivery.toString()))
                .body("items[0].status", equalTo("pending"))
                .body("items[0].attempts", hasSize(0))
                .body("page", equalTo(0))
                .body("size", equalTo(20))
                .body("total", equalTo(1));
        given().header("Authorization", "Bearer " + KeyCheckStub.INGEST) // another key, which may keep alerts
                .get("/v1/alerts/{id}/deliveries/{delivery}", alert, delivery)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no alert with id '" + alert + "'"));
        given().header("Authorization", "Bearer " + KeyCheckStub.READ) // a key without the alerts role
                .get("/v1/alerts/{id}/deliveries", alert)
                .then()
                .statusCode(403);
        given().get("/v1/alerts/{id}/deliveries?size=0", alert)
                .then()
                .statusCode(400)
                .body("parameter", equalTo("size"));
        given().post("/v1/alerts/{id}/deliveries/{delivery}/retry", alert, "not-a-uuid")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("deliveryId"));
        given().post("/v1/alerts/{id}/deliveries/{delivery}/retry", alert, UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("detail", startsWith("no delivery with id"));
    }
}
