package dev.podsearch.index.admin;

import dev.podsearch.events.KafkaClients;
import dev.podsearch.events.TopicSetup;
import dev.podsearch.events.Topics;
import dev.podsearch.index.dlq.DeadLetters;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the dead-letter topic and sends its records back to {@link Topics#TRANSCRIPTS} once the cause is fixed. The
 * topic is an append-only log: a replayed record stays in it, and one that fails again is dead-lettered again, as a new
 * record. Replaying is safe to repeat: indexing is idempotent.
 */
@ApplicationScoped
public class DeadLetterStore {

    /** Header on a replayed record: the dead letter it came from ({@code partition@offset}). */
    public static final String REPLAYED_FROM = "dlq.replayed.from";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaProducer<String, byte[]> producer;

    /** A dead-lettered record: where it is, why it is there, and what it was. */
    public record DeadLetter(
            int partition,
            long offset,
            String key,
            Instant deadAt,
            String errorClass,
            String reason,
            String originalTopic,
            Integer originalPartition,
            Long originalOffset,
            Integer attempts,
            int bytes) {}

    /** The dead letters, oldest first, that {@code filter} keeps, at most {@code limit}. */
    public List<DeadLetter> list(Predicate<DeadLetter> filter, int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        read(record -> {
            DeadLetter letter = letter(record);
            if (filter.test(letter) && letters.size() < limit) {
                letters.add(letter);
            }
        });
        return letters;
    }

    /** Sends the dead letters {@code filter} keeps back to the transcripts topic; returns them. */
    public List<DeadLetter> replay(Predicate<DeadLetter> filter) {
        List<DeadLetter> replayed = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> sends = new ArrayList<>();
        read(record -> {
            DeadLetter letter = letter(record);
            if (filter.test(letter)) {
                ProducerRecord<String, byte[]> again =
                        new ProducerRecord<>(Topics.TRANSCRIPTS, record.key(), record.value());
                again.headers()
                        .add(
                                REPLAYED_FROM,
                                (record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
                sends.add(again);
                replayed.add(letter);
            }
        });
        try {
            for (ProducerRecord<String, byte[]> send : sends) {
                producer().send(send).get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot send to " + Topics.TRANSCRIPTS + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        }
        return replayed;
    }

    /** Every record of the dead-letter topic up to its current end, without joining a consumer group. */
    private void read(java.util.function.Consumer<ConsumerRecord<String, byte[]>> each) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, TopicSetup.MAX_MESSAGE_BYTES);
        try (KafkaConsumer<String, byte[]> kafka =
                new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : kafka.partitionsFor(Topics.TRANSCRIPTS_DLQ, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(kafka.endOffsets(partitions, Duration.ofSeconds(10)));
            end.entrySet().removeIf(e -> e.getValue() == 0);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!end.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading " + Topics.TRANSCRIPTS_DLQ + " took longer than 30 s");
                }
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long last = end.get(partition);
                    if (last != null && record.offset() < last) {
                        each.accept(record);
                    }
                }
                end.entrySet().removeIf(e -> kafka.position(e.getKey()) >= e.getValue());
            }
        }
    }

    private static DeadLetter letter(ConsumerRecord<String, byte[]> record) {
        return new DeadLetter(
                record.partition(),
                record.offset(),
                record.key(),
                Instant.ofEpochMilli(record.timestamp()),
                header(record, DeadLetters.ERROR_CLASS),
                header(record, DeadLetters.REASON),
                header(record, DeadLetters.ORIGINAL_TOPIC),
                number(header(record, DeadLetters.ORIGINAL_PARTITION)) == null
                        ? null
                        : number(header(record, DeadLetters.ORIGINAL_PARTITION)).intValue(),
                number(header(record, DeadLetters.ORIGINAL_OFFSET)),
                number(header(record, DeadLetters.ATTEMPTS)) == null
                        ? null
                        : number(header(record, DeadLetters.ATTEMPTS)).intValue(),
                record.value() == null ? 0 : record.value().length);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = KafkaClients.reliableProducer(bootstrapServers, Map.of());
        }
        return producer;
    }

    synchronized void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
