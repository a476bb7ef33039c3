package dev.podsearch.index;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.index.admin.DeadLetterStore;
import dev.podsearch.index.dlq.DeadLetters;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dead letters listed page by page from a cursor and replayed by selection, on real Kafka (the tests' topics have 4
 * partitions). The letters are written straight into partitions of the dead-letter topic, so each page's contents are
 * known.
 */
@QuarkusTest
class DeadLetterPagingTest extends IndexTestBase {

    private static final int LAST = 3;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private long endOf(String topic, int partition) {
        try (KafkaConsumer<String, byte[]> kafka = consumer()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            return kafka.endOffsets(List.of(tp)).get(tp);
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    /** Writes a dead letter into {@code partition}; returns its offset. */
    private long deadLetter(int partition, String key, String errorClass, byte[] value) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TRANSCRIPTS_DLQ, partition, key, value);
        record.headers().add(DeadLetters.ERROR_CLASS, errorClass.getBytes(StandardCharsets.UTF_8));
        record.headers().add(DeadLetters.REASON, ("because " + key).getBytes(StandardCharsets.UTF_8));
        return producer.send(record).get().offset();
    }

    private static JsonPath page(int partition, long offset, int limit, String errorClass) {
        var request = given().queryParam("partition", partition)
                .queryParam("offset", offset)
                .queryParam("limit", limit);
        if (errorClass != null) {
            request.queryParam("errorClass", errorClass);
        }
        return request.get("/admin/dead-letters")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void listsPageByPageFromACursorToTheEnd() throws Exception {
        String run = UUID.randomUUID().toString();
        long start = endOf(Topics.TRANSCRIPTS_DLQ, LAST);
        for (int i = 0; i < 25; i++) {
            deadLetter(LAST, run + "-" + i, i % 2 == 0 ? "poison" : "non-retryable", new byte[] {'x'});
        }

        JsonPath first = page(LAST, start, 10, null);
        assertEquals(10, first.getInt("count"));
        assertEquals(keys(run, 0, 10), first.getList("deadLetters.key"));
        assertEquals(start, first.getLong("deadLetters[0].offset"));
        assertEquals("because " + run + "-0", first.getString("deadLetters[0].reason"));
        assertEquals(LAST, first.getInt("next.partition"));
        assertEquals(start + 10, first.getLong("next.offset"));

        JsonPath second = page(first.getInt("next.partition"), first.getLong("next.offset"), 10, null);
        assertEquals(keys(run, 10, 20), second.getList("deadLetters.key"));
        assertEquals(start + 20, second.getLong("next.offset"));

        JsonPath third = page(second.getInt("next.partition"), second.getLong("next.offset"), 10, null);
        assertEquals(keys(run, 20, 25), third.getList("deadLetters.key"));
        assertNull(third.get("next"), "the last partition's end: no next page");

        // a filtered page: the first 5 poison letters (0, 2, ... 8); the cursor is after the last one read
        JsonPath poison = page(LAST, start, 5, "poison");
        assertEquals(
                List.of(run + "-0", run + "-2", run + "-4", run + "-6", run + "-8"), poison.getList("deadLetters.key"));
        assertEquals(start + 9, poison.getLong("next.offset"));
        assertEquals(9, poison.getInt("scanned"));
    }

    @Test
    void aPageGoesOnInTheNextPartitionFromItsFirstOffset() throws Exception {
        String run = UUID.randomUUID().toString();
        long start = endOf(Topics.TRANSCRIPTS_DLQ, LAST - 1);
        for (int i = 0; i < 3; i++) {
            deadLetter(LAST - 1, run + "-" + i, "poison", new byte[] {'x'});
        }
        deadLetter(LAST, run + "-in-last", "poison", new byte[] {'x'});

        JsonPath page = page(LAST - 1, start, 1000, null);
        assertEquals(keys(run, 0, 3), page.getList("deadLetters.key").subList(0, 3));
        assertEquals(LAST, page.getInt("deadLetters[3].partition"));
        assertEquals(0, page.getLong("deadLetters[3].offset"));
        assertTrue(page.getList("deadLetters.key").contains(run + "-in-last"));
        assertNull(page.get("next"));
    }

    @Test
    void badCursorsAreRefusedWithTheParameter() {
        given().queryParam("partition", 9)
                .get("/admin/dead-letters")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("partition"))
                .body("detail", containsString("has 4 partitions, 0 to 3"));
        given().queryParam("offset", 5)
                .get("/admin/dead-letters")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("partition"));
        given().contentType("application/json")
                .body("{\"records\": [\"3-12\"]}")
                .post("/admin/dead-letters/replay")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("records"))
                .body("detail", containsString("'3-12'"));
    }

    @Test
    void aReplayBodyThatIsNullMalformedOrMistypedIsABadRequestSayingWhere() {
        given().contentType("application/json")
                .body("null")
                .post("/admin/dead-letters/replay")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("records"))
                .body("detail", equalTo("records lists 1 to 1000 partition@offset"));
        given().contentType("application/json")
                .body("{\"records\": [\"0@1\",\n {\"partition\": 0}]}")
                .post("/admin/dead-letters/replay")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/invalid-json"))
                .body("parameter", equalTo("records[1]"))
                .body("line", equalTo(2))
                .body("detail", startsWith("the body's field 'records[1]' must be a string (line 2, column "));
        given().contentType("application/json")
                .body("7")
                .post("/admin/dead-letters/replay")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://podsearch.dev/problems/invalid-json"))
                .body("parameter", equalTo("body"))
                .body("detail", equalTo("the body must be an object (line 1, column 1)"));
    }

    @Test
    void anUnknownErrorClassIsRefusedListingTheValidOnes() {
        for (String method : List.of("GET", "POST")) {
            given().queryParam("errorClass", "bogus")
                    .request(method, method.equals("GET") ? "/admin/dead-letters" : "/admin/dead-letters/replay")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://podsearch.dev/problems/invalid-parameter"))
                    .body("parameter", equalTo("errorClass"))
                    .body(
                            "detail",
                            equalTo("errorClass 'bogus' is not one of poison, non-retryable (the classes dead letters"
                                    + " are written with)"));
        }
    }

    @Test
    void replaysTheChosenRecordsOnlyAndAPageWithItsCursor() throws Exception {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        String d = UUID.randomUUID().toString();
        Map<String, Long> at = new HashMap<>();
        for (String id : List.of(a, b, c, d)) {
            at.put(
                    id,
                    deadLetter(
                            LAST, id, "non-retryable", TranscriptEventCodec.encode(upsert(id, 1, "replayed " + id))));
        }

        given().contentType("application/json")
                .body("{\"records\": [\"" + LAST + "@" + at.get(c) + "\", \"" + LAST + "@" + at.get(a) + "\"]}")
                .post("/admin/dead-letters/replay")
                .then()
                .statusCode(202)
                .body("replayed", equalTo(2))
                .body("records.key", equalTo(List.of(a, c)))
                .body("next", nullValue());
        await().atMost(Duration.ofSeconds(30)).until(() -> episodeRevision(a) == 1 && episodeRevision(c) == 1);
        assertEquals(0, episodeRevision(b));

        // one missing: all or nothing
        given().contentType("application/json")
                .body("{\"records\": [\"" + LAST + "@" + at.get(d) + "\", \"" + LAST + "@99999999\"]}")
                .post("/admin/dead-letters/replay")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("missing", equalTo(List.of(LAST + "@99999999")));
        assertTrue(replayedFrom().stream().noneMatch(from -> from.equals(LAST + "@" + at.get(d))));

        // the page GET would list, replayed: b only, and the cursor after it
        given().queryParam("partition", LAST)
                .queryParam("offset", at.get(b))
                .queryParam("limit", 1)
                .post("/admin/dead-letters/replay")
                .then()
                .statusCode(202)
                .body("replayed", equalTo(1))
                .body("records[0].key", equalTo(b))
                .body("next.partition", equalTo(LAST))
                .body("next.offset", equalTo((int) (at.get(b) + 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> episodeRevision(b) == 1);
        assertEquals(0, episodeRevision(d));
    }

    /** The {@code dlq.replayed.from} header of every record now in the transcripts topic (read to its end). */
    private List<String> replayedFrom() {
        List<String> from = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> kafka = consumer()) {
            List<TopicPartition> partitions = kafka.partitionsFor(Topics.TRANSCRIPTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> kafka.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(200))) {
                    var header = record.headers().lastHeader(DeadLetterStore.REPLAYED_FROM);
                    if (header != null) {
                        from.add(new String(header.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return from;
    }

    private static List<String> keys(String run, int from, int to) {
        List<String> keys = new ArrayList<>();
        for (int i = from; i < to; i++) {
            keys.add(run + "-" + i);
        }
        return keys;
    }
}
