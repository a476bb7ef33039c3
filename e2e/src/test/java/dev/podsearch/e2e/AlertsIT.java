package dev.podsearch.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.support.outbound.WebhookSignature;
import dev.podsearch.testing.webhook.WebhookReceiver;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Alerts on the running system: a saved search made through alert-service's API fires one signed webhook for the
 * uploaded episode that says its words in its show, and none for the others; a receiver that fails gets the same
 * delivery again until it answers 2xx; a deleted alert sends nothing. Each upload's words are made up for this class.
 * Whether alert-service has matched an episode is read from a second "witness" alert that matches it too: both are
 * recorded in one transaction, so once the witness has its delivery the other alert's fate is decided.
 */
@ExtendWith(PodsearchSystem.class)
class AlertsIT {

    private static final Duration INDEXING = Duration.ofSeconds(120);
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    private static String ingest;
    private static String alerts;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() {
        ingest = PodsearchSystem.get().ingest().url();
        alerts = PodsearchSystem.get().alerts().url();
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @Test
    void aKeywordAlertSendsOneSignedWebhookForTheEpisodeThatMatches() {
        var created = createAlert(Map.of(
                "name",
                "Quillborne watch",
                "q",
                "quillborne -counterfeit",
                "show",
                List.of("Alert Watch"),
                "webhookUrl",
                receiver.script("/words")));
        String alertId = created.getString("id");
        String secret = created.getString("secret");
        String witness = createAlert(
                        Map.of("name", "witness", "q", "lanternmoth", "webhookUrl", receiver.script("/w1")))
                .getString("id");

        String matching = AlertTranscripts.upload("Alert Watch", "The Odd Word Hour", "quillborne is the word today");
        await().atMost(INDEXING.plus(DELIVERY))
                .until(() -> receiver.requests("/words").size() == 1);

        WebhookReceiver.Request hook = receiver.requests("/words").getFirst();
        assertTrue(
                WebhookSignature.verify(secret, hook.timestamp(), hook.body(), hook.signature(), Duration.ofMinutes(5)),
                "signed with the secret of the create answer: " + hook);
        assertFalse(WebhookSignature.verify(
                "whsec_wrong", hook.timestamp(), hook.body(), hook.signature(), Duration.ofMinutes(5)));
        JsonPath body = JsonPath.from(hook.body());
        assertEquals(hook.deliveryId(), body.getString("deliveryId"));
        assertEquals(alertId, body.getString("alert.id"));
        assertEquals("Quillborne watch", body.getString("alert.name"));
        assertEquals("quillborne -counterfeit", body.getString("alert.q"));
        assertEquals(matching, body.getString("episode.id"));
        assertEquals(1, body.getInt("episode.revision"));
        assertEquals("The Odd Word Hour", body.getString("episode.title"));
        assertEquals("Alert Watch", body.getString("episode.show"));
        assertEquals(1, body.getList("moments").size(), hook.body());
        assertEquals(AlertTranscripts.MARKER_MS, body.getLong("moments[0].startMs"));
        assertEquals("<mark>quillborne</mark> is the word today", body.getString("moments[0].highlight"));
        assertEquals(AlertTranscripts.audioUrl("The Odd Word Hour") + "#t=60", body.getString("moments[0].link"));
        assertEquals("words", body.getString("moments[0].matchedBy"));

        String excluded = AlertTranscripts.upload("Alert Watch", "Fakes", "quillborne counterfeit is the word today");
        String otherShow = AlertTranscripts.upload("Other Hours", "Elsewhere", "quillborne is the word today");
        String unrelated = AlertTranscripts.upload("Alert Watch", "Quiet", "nothing special is the word today");
        for (String id : List.of(excluded, otherShow, unrelated)) {
            AlertTranscripts.awaitIndexed(id, INDEXING);
        }
        awaitMatched(witness, excluded, otherShow, unrelated);

        assertEquals(1, receiver.requests("/words").size(), "no webhook for the other uploads");
        given().baseUri(alerts)
                .get("/v1/alerts/{id}/deliveries", alertId)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(hook.deliveryId()))
                .body("items[0].episodeId", equalTo(matching))
                .body("items[0].status", equalTo("delivered"));
    }

    @Test
    void aFailingReceiverGetsTheSameDeliveryAgainUntilItAnswers2xx() {
        String alertId = createAlert(Map.of(
                        "name",
                        "Brindlewort",
                        "q",
                        "brindlewort",
                        "webhookUrl",
                        receiver.script("/flaky", 500, 500, 200)))
                .getString("id");

        String episode = AlertTranscripts.upload("Alert Watch", "Flaky Hour", "brindlewort is the word today");
        await().atMost(INDEXING.plus(DELIVERY))
                .until(() -> receiver.requests("/flaky").size() == 3);

        List<WebhookReceiver.Request> hooks = receiver.requests("/flaky");
        String deliveryId = hooks.getFirst().deliveryId();
        assertTrue(hooks.stream().allMatch(h -> deliveryId.equals(h.deliveryId())), "one delivery id: " + hooks);
        assertTrue(hooks.stream().allMatch(h -> h.body().contains(episode)), "the same episode: " + hooks);
        await().atMost(DELIVERY).untilAsserted(() -> given().baseUri(alerts)
                .get("/v1/alerts/{id}/deliveries", alertId)
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(deliveryId))
                .body("items[0].status", equalTo("delivered"))
                .body("items[0].lastStatusCode", equalTo(200))
                .body("items[0].deliveredAt", notNullValue())
                .body("items[0].attempts.statusCode", equalTo(List.of(500, 500, 200)))
                .body("items[0].attempts[0].error", equalTo("receiver answered 500"))
                .body("items[0].attempts[0].responseExcerpt", equalTo(WebhookReceiver.answer("/flaky", 500)))
                .body("items[0].attempts[2].responseExcerpt", equalTo(WebhookReceiver.answer("/flaky", 200))));
    }

    @Test
    void aDeletedAlertSendsNothing() {
        String alertId = createAlert(
                        Map.of("name", "Mossgrinder", "q", "mossgrinder", "webhookUrl", receiver.script("/gone")))
                .getString("id");
        String witness = createAlert(
                        Map.of("name", "witness", "q", "mossgrinder", "webhookUrl", receiver.script("/w3")))
                .getString("id");
        given().baseUri(alerts).delete("/v1/alerts/{id}", alertId).then().statusCode(204);
        given().baseUri(alerts).get("/v1/alerts/{id}", alertId).then().statusCode(404);

        String episode = AlertTranscripts.upload("Alert Watch", "Moss Hour", "mossgrinder is the word today");
        awaitMatched(witness, episode);
        await().atMost(DELIVERY).until(() -> receiver.requests("/w3").size() == 1);

        assertEquals(List.of(), receiver.requests("/gone"), "the deleted alert's receiver");
    }

    private static JsonPath createAlert(Map<String, Object> alert) {
        var created = given().baseUri(alerts)
                .contentType("application/json")
                .body(alert)
                .post("/v1/alerts")
                .then()
                .statusCode(201)
                .body("id", notNullValue())
                .body("secret", notNullValue())
                .body("name", equalTo(alert.get("name")))
                .body("q", equalTo(alert.get("q")))
                .body("mode", equalTo("keyword"))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/v1/alerts/" + id), created.header("Location"));
        return created.jsonPath();
    }

    /** Waits until alert-service has recorded the witness alert's deliveries for these episodes. */
    private static void awaitMatched(String witness, String... episodes) {
        await().atMost(INDEXING.plus(DELIVERY)).untilAsserted(() -> given().baseUri(alerts)
                .queryParam("size", 100)
                .get("/v1/alerts/{id}/deliveries", witness)
                .then()
                .statusCode(200)
                .body("items.episodeId", hasItems(episodes)));
    }
}
