package dev.podsearch.index;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.events.Topics;
import dev.podsearch.events.TraceHeaders;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.index.embed.EmbedConsumer;
import dev.podsearch.testing.tracing.LogCapture;
import dev.podsearch.testing.tracing.TestSpans;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A record's trace through the indexer: its traceparent header makes the processing span a child of the upload's
 * trace; the bulk write, the outcome on transcripts.indexed.v1, the embed stage and the EMBEDDED outcome go on it.
 */
@QuarkusTest
class RecordTraceTest extends IndexTestBase {

    @Inject
    InMemorySpanExporter spans;

    @Inject
    EmbedConsumer stage;

    @Test
    void aRecordsTraceGoesOnThroughTheBulkWriteTheOutcomeAndTheEmbedStage() throws Exception {
        String id = UUID.randomUUID().toString();
        String traceId = hex(16);
        String relaySpan = hex(8);
        try (LogCapture log = LogCapture.of("dev.podsearch.index")) {
            publishTraced(id, traceId, relaySpan);

            List<ConsumerRecord<String, byte[]>> outcomes = outcomeRecords(id, o -> !o.isEmpty());
            ConsumerRecord<String, byte[]> indexed = outcomes.getFirst();
            assertEquals(
                    "INDEXED",
                    TranscriptEventCodec.decodeIndexed(indexed.value()).status());

            SpanData process = await().atMost(Duration.ofSeconds(10))
                    .until(
                            () -> one(traceId, s -> s.getName().equals(Topics.TRANSCRIPTS + " process")),
                            s -> s != null);
            assertEquals(SpanKind.CONSUMER, process.getKind());
            assertEquals(relaySpan, process.getParentSpanId(), "a child of the span the header names");
            SpanData bulk = await().atMost(Duration.ofSeconds(10))
                    .until(() -> one(traceId, s -> s.getName().equals("bulk write")), s -> s != null);
            assertEquals(process.getSpanId(), bulk.getParentSpanId(), "the write is a child of the record's span");
            assertTrue(bulk.getStartEpochNanos() >= process.getStartEpochNanos(), "written after it was read");
            assertEquals(
                    "00-" + traceId + "-" + process.getSpanId() + "-01",
                    TraceHeaders.traceparent(indexed.headers()),
                    "the outcome carries the record's trace");

            LogCapture.Line line = log.lines().stream()
                    .filter(l -> id.equals(l.episodeId()) && l.message().contains("INDEXED"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no INDEXED line about " + id + ": " + log.lines()));
            assertEquals(traceId, line.traceId(), "the trace id in the MDC of: " + line.message());
        }

        stage.start(); // off in the other tests
        try {
            List<ConsumerRecord<String, byte[]>> outcomes = outcomeRecords(id, o -> o.size() >= 2);
            ConsumerRecord<String, byte[]> embedded = outcomes.get(1);
            assertEquals(
                    "EMBEDDED",
                    TranscriptEventCodec.decodeIndexed(embedded.value()).status());
            SpanData embed = await().atMost(Duration.ofSeconds(10))
                    .until(() -> one(traceId, s -> s.getName().equals("embed")), s -> s != null);
            SpanData process = one(traceId, s -> s.getName().equals(Topics.TRANSCRIPTS + " process"));
            assertEquals(process.getSpanId(), embed.getParentSpanId(), "embedding goes on from the indexed outcome");
            assertEquals(
                    "00-" + traceId + "-" + embed.getSpanId() + "-01", TraceHeaders.traceparent(embedded.headers()));
        } finally {
            stage.stop();
        }
    }

    @Test
    void eachTraceInABatchHasItsOwnBulkSpan() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String firstTrace = hex(16);
        String secondTrace = hex(16);
        publishTraced(first, firstTrace, hex(8));
        publishTraced(second, secondTrace, hex(8));

        outcomeRecords(second, o -> !o.isEmpty());
        for (String trace : List.of(firstTrace, secondTrace)) {
            SpanData bulk = await().atMost(Duration.ofSeconds(10))
                    .until(() -> one(trace, s -> s.getName().equals("bulk write")), s -> s != null);
            SpanData process = one(trace, s -> s.getName().equals(Topics.TRANSCRIPTS + " process"));
            assertEquals(process.getSpanId(), bulk.getParentSpanId());
        }
    }

    @Test
    void aRecordWithoutTraceparentStartsATraceOfItsOwn() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(upsert(id, 1, "a record from before tracing"));

        ConsumerRecord<String, byte[]> indexed =
                outcomeRecords(id, o -> !o.isEmpty()).getFirst();
        String traceparent = TraceHeaders.traceparent(indexed.headers());
        assertTrue(traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"), traceparent);
        String traceId = traceparent.split("-")[1];
        SpanData process = await().atMost(Duration.ofSeconds(10))
                .until(() -> one(traceId, s -> s.getKind() == SpanKind.CONSUMER), s -> s != null);
        assertEquals(
                id,
                process.getAttributes()
                        .get(io.opentelemetry.api.common.AttributeKey.stringKey("podsearch.episode.id")));
        assertTrue(!process.getParentSpanContext().isValid(), "a root span");
    }

    private void publishTraced(String id, String traceId, String parentSpan) throws Exception {
        var record = new ProducerRecord<>(
                Topics.TRANSCRIPTS,
                id,
                TranscriptEventCodec.encode(upsert(id, 1, "a traced line about harbour cranes")));
        record.headers()
                .add(
                        TraceHeaders.TRACEPARENT,
                        ("00-" + traceId + "-" + parentSpan + "-01").getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private SpanData one(String traceId, Predicate<SpanData> wanted) {
        List<SpanData> found =
                TestSpans.ofTrace(spans, traceId).stream().filter(wanted).toList();
        if (found.size() > 1) {
            throw new AssertionError("more than one such span: " + found);
        }
        return found.isEmpty() ? null : found.getFirst();
    }

    /** The outcome records of an episode, headers and all, read until {@code enough} holds (at most 30 s). */
    private List<ConsumerRecord<String, byte[]>> outcomeRecords(
            String episodeId, Predicate<List<ConsumerRecord<String, byte[]>>> enough) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
        List<ConsumerRecord<String, byte[]>> outcomes = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.TRANSCRIPTS_INDEXED));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && !enough.test(outcomes)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (episodeId.equals(record.key())) {
                        outcomes.add(record);
                    }
                }
            }
        }
        if (!enough.test(outcomes)) {
            throw new AssertionError("not enough outcomes of " + episodeId + " within 30 s: " + outcomes.size());
        }
        return outcomes;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
