package dev.podsearch.index.dlq;

import dev.podsearch.events.Topics;
import dev.podsearch.index.IndexFacts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/** Sends records that can never be indexed to {@link Topics#TRANSCRIPTS_DLQ}, with headers saying why. */
public final class DeadLetters {

    public static final String ERROR_CLASS = "dlq.error.class";

    /** The error classes a dead letter is written with: a record that is no event; one the index refused for good. */
    public static final String POISON = "poison";

    public static final String NON_RETRYABLE = "non-retryable";

    public static final List<String> ERROR_CLASSES = List.of(POISON, NON_RETRYABLE);
    public static final String REASON = "dlq.reason";
    public static final String ORIGINAL_TOPIC = "dlq.original.topic";
    public static final String ORIGINAL_PARTITION = "dlq.original.partition";
    public static final String ORIGINAL_OFFSET = "dlq.original.offset";
    public static final String ATTEMPTS = "dlq.attempts";

    private final Producer<String, byte[]> producer;
    private final Counter letters;

    public DeadLetters(Producer<String, byte[]> producer, MeterRegistry metrics) {
        this.producer = producer;
        this.letters = Counter.builder(IndexFacts.DLQ_RECORDS)
                .description("records sent to transcripts.v1.dlq")
                .register(metrics);
    }

    /** Sends and waits for the acknowledgement, so the original's offset may be committed afterwards. */
    public void send(ConsumerRecord<String, byte[]> original, String errorClass, String reason, int attempts) {
        ProducerRecord<String, byte[]> letter =
                new ProducerRecord<>(Topics.TRANSCRIPTS_DLQ, original.key(), original.value());
        Headers headers = letter.headers();
        original.headers().forEach(headers::add);
        put(headers, ERROR_CLASS, errorClass);
        put(headers, REASON, reason);
        put(headers, ORIGINAL_TOPIC, original.topic());
        put(headers, ORIGINAL_PARTITION, Integer.toString(original.partition()));
        put(headers, ORIGINAL_OFFSET, Long.toString(original.offset()));
        put(headers, ATTEMPTS, Integer.toString(attempts));
        try {
            producer.send(letter).get(30, TimeUnit.SECONDS);
            letters.increment();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot dead-letter " + original.topic() + "-" + original.partition() + "@" + original.offset()
                            + ": " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        }
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    }
}
