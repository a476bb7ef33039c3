package dev.podsearch.index.admin;

import dev.podsearch.events.KafkaClients;
import dev.podsearch.events.KafkaConnection;
import dev.podsearch.events.Topics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Lists the dead-letter topic page by page and sends chosen records back to {@link Topics#TRANSCRIPTS} once the cause
 * is fixed; each call reads only the part of the topic it needs ({@link DeadLetterReader}). The topic is an
 * append-only log: a replayed record stays in it, and one that fails again is dead-lettered again, as a new record.
 * Replaying is safe to repeat: indexing is idempotent.
 */
@ApplicationScoped
public class DeadLetterStore {

    /** Header on a replayed record: the dead letter it came from ({@code partition@offset}). */
    public static final String REPLAYED_FROM = "dlq.replayed.from";

    @Inject
    KafkaConnection connection;

    private KafkaProducer<String, byte[]> producer;

    /** One page of dead letters and where the next one starts ({@code null}: the end of the topic was reached). */
    public record Page(List<DeadLetter> letters, DeadLetterPosition next, int scanned) {}

    /** What a replay sent back, and (for a page) where the next page starts. */
    public record Replay(List<DeadLetter> letters, DeadLetterPosition next, List<DeadLetterPosition> missing) {}

    /** The dead letters {@code filter} keeps, from {@code from} on, at most {@code limit}. */
    public Page list(DeadLetterPosition from, int limit, Predicate<DeadLetter> filter) {
        List<DeadLetter> letters = new ArrayList<>();
        try (DeadLetterReader reader = new DeadLetterReader(connection.settings())) {
            reader.checkPartition("partition", from.partition());
            DeadLetterReader.PageEnd end =
                    reader.page(from, limit, filter, record -> letters.add(DeadLetter.of(record)));
            return new Page(letters, end.next(), end.scanned());
        }
    }

    /** Sends back the page {@link #list} would show for the same arguments. */
    public Replay replayPage(DeadLetterPosition from, int limit, Predicate<DeadLetter> filter) {
        try (DeadLetterReader reader = new DeadLetterReader(connection.settings());
                Sender sender = new Sender()) {
            reader.checkPartition("partition", from.partition());
            DeadLetterReader.PageEnd end = reader.page(from, limit, filter, sender::send);
            return new Replay(sender.sent(), end.next(), List.of());
        }
    }

    /**
     * Sends back the records at {@code wanted}; if any position holds no record, sends nothing and returns those in
     * {@code missing}.
     */
    public Replay replay(NavigableSet<DeadLetterPosition> wanted) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        List<DeadLetterPosition> missing;
        try (DeadLetterReader reader = new DeadLetterReader(connection.settings())) {
            missing = reader.select(wanted, found::add);
        }
        if (!missing.isEmpty()) {
            return new Replay(List.of(), null, missing);
        }
        try (Sender sender = new Sender()) {
            found.forEach(sender::send);
            return new Replay(sender.sent(), null, List.of());
        }
    }

    /** Sends records back as they are read; closing waits for every acknowledgement. */
    private final class Sender implements AutoCloseable {

        private final List<DeadLetter> sent = new ArrayList<>();
        private final List<Future<RecordMetadata>> acks = new ArrayList<>();

        void send(ConsumerRecord<String, byte[]> record) {
            ProducerRecord<String, byte[]> again =
                    new ProducerRecord<>(Topics.TRANSCRIPTS, record.key(), record.value());
            String from = record.partition() + "@" + record.offset();
            again.headers().add(REPLAYED_FROM, from.getBytes(StandardCharsets.UTF_8));
            acks.add(producer().send(again));
            sent.add(DeadLetter.of(record));
            Log.infof(
                    "dead letter %s-%s (episode %s) replayed to %s",
                    Topics.TRANSCRIPTS_DLQ, from, record.key(), Topics.TRANSCRIPTS);
        }

        List<DeadLetter> sent() {
            return sent;
        }

        @Override
        public void close() {
            try {
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(30, TimeUnit.SECONDS);
                }
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("cannot send to " + Topics.TRANSCRIPTS + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while replaying", e);
            }
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = KafkaClients.reliableProducer(connection.settings(), Map.of());
        }
        return producer;
    }

    synchronized void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
