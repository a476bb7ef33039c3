package dev.podsearch.index.admin;

import dev.podsearch.events.TopicSetup;
import dev.podsearch.events.Topics;
import dev.podsearch.support.ProblemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads parts of the dead-letter topic with {@code assign} and {@code seek}, never the whole of it: one page from a
 * position on, or the records at given positions. No consumer group: nothing is committed. Not thread-safe: one reader
 * per request.
 */
final class DeadLetterReader implements AutoCloseable {

    /** Records read in one call at most, kept or not: a filtered page that finds few stops here, with a cursor. */
    static final int MAX_SCANNED = 10_000;

    /** A gap between wanted offsets larger than this is skipped with a seek rather than read through. */
    private static final long SKIP = 500;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Where a page ended: the cursor of the next page (null at the end of the topic), and how much it read. */
    record PageEnd(DeadLetterPosition next, int scanned) {}

    private final KafkaConsumer<String, byte[]> kafka;
    private final int partitions;
    private final long deadline = System.nanoTime() + TIMEOUT.toNanos();

    /** @param connection where Kafka is and how to log in ({@code KafkaConnection}); no group: it assigns itself */
    DeadLetterReader(Map<String, Object> connection) {
        Map<String, Object> settings = new HashMap<>(connection);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, TopicSetup.MAX_MESSAGE_BYTES);
        kafka = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        partitions = kafka.partitionsFor(Topics.TRANSCRIPTS_DLQ, TIMEOUT).size();
    }

    /** Fails with a 400 problem naming {@code parameter} if the topic has no such partition. */
    void checkPartition(String parameter, int partition) {
        if (partition >= partitions) {
            throw ProblemException.badParameter(
                    parameter,
                    Topics.TRANSCRIPTS_DLQ + " has " + partitions + " partitions, 0 to " + (partitions - 1)
                            + "; there is no partition " + partition);
        }
    }

    /**
     * Reads from {@code from} on (partition by partition, each from its first offset after the one started in), hands
     * each record {@code filter} keeps to {@code each}, and stops after {@code limit} kept, {@link #MAX_SCANNED} read,
     * or at the end of the last partition as it was when the call began.
     */
    PageEnd page(
            DeadLetterPosition from,
            int limit,
            Predicate<DeadLetter> filter,
            Consumer<ConsumerRecord<String, byte[]>> each) {
        int kept = 0;
        int scanned = 0;
        DeadLetterPosition at = from;
        while (at.partition() < partitions) {
            TopicPartition partition = new TopicPartition(Topics.TRANSCRIPTS_DLQ, at.partition());
            kafka.assign(List.of(partition));
            long begin = kafka.beginningOffsets(List.of(partition), TIMEOUT).get(partition);
            long end = kafka.endOffsets(List.of(partition), TIMEOUT).get(partition);
            long position = Math.max(at.offset(), begin);
            if (position < end) {
                kafka.seek(partition, position);
            }
            while (position < end) {
                if (kept == limit || scanned == MAX_SCANNED) {
                    return new PageEnd(new DeadLetterPosition(at.partition(), position), scanned);
                }
                List<ConsumerRecord<String, byte[]>> records = poll(partition);
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.offset() >= end) {
                        position = end;
                        break;
                    }
                    if (kept == limit || scanned == MAX_SCANNED) {
                        break;
                    }
                    scanned++;
                    position = record.offset() + 1;
                    if (filter.test(DeadLetter.of(record))) {
                        each.accept(record);
                        kept++;
                    }
                }
                if (records.isEmpty()) {
                    position = kafka.position(partition, TIMEOUT); // past a gap (compaction, transaction markers)
                }
            }
            at = new DeadLetterPosition(at.partition() + 1, 0);
        }
        return new PageEnd(null, scanned);
    }

    /** Hands the records at {@code wanted} to {@code each}, in order; returns the positions that hold no record. */
    List<DeadLetterPosition> select(
            NavigableSet<DeadLetterPosition> wanted, Consumer<ConsumerRecord<String, byte[]>> each) {
        List<DeadLetterPosition> missing = new ArrayList<>();
        for (DeadLetterPosition first : new TreeSet<>(wanted)) {
            if (first.partition() >= partitions) {
                missing.add(first);
                wanted.remove(first);
            }
        }
        while (!wanted.isEmpty()) {
            int p = wanted.first().partition();
            NavigableSet<Long> offsets = new TreeSet<>();
            wanted.stream().filter(w -> w.partition() == p).forEach(w -> offsets.add(w.offset()));
            wanted.removeIf(w -> w.partition() == p);
            missing.addAll(selectIn(p, offsets, each));
        }
        return missing;
    }

    private List<DeadLetterPosition> selectIn(
            int p, NavigableSet<Long> offsets, Consumer<ConsumerRecord<String, byte[]>> each) {
        TopicPartition partition = new TopicPartition(Topics.TRANSCRIPTS_DLQ, p);
        kafka.assign(List.of(partition));
        long begin = kafka.beginningOffsets(List.of(partition), TIMEOUT).get(partition);
        long end = kafka.endOffsets(List.of(partition), TIMEOUT).get(partition);
        List<DeadLetterPosition> missing = new ArrayList<>();
        long position = -1;
        while (!offsets.isEmpty()) {
            long wanted = offsets.first();
            if (wanted < begin || wanted >= end || position > wanted) {
                missing.add(new DeadLetterPosition(p, offsets.pollFirst()));
                continue;
            }
            if (position < 0 || wanted - position > SKIP) {
                kafka.seek(partition, wanted);
                position = wanted;
            }
            List<ConsumerRecord<String, byte[]>> records = poll(partition);
            for (ConsumerRecord<String, byte[]> record : records) {
                position = record.offset() + 1;
                if (offsets.remove(record.offset())) {
                    each.accept(record);
                }
                if (offsets.isEmpty() || record.offset() >= offsets.last()) {
                    break;
                }
            }
            if (records.isEmpty()) {
                position = kafka.position(partition, TIMEOUT);
            }
        }
        return missing;
    }

    private List<ConsumerRecord<String, byte[]>> poll(TopicPartition partition) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("reading " + Topics.TRANSCRIPTS_DLQ + " took longer than " + TIMEOUT);
        }
        return kafka.poll(Duration.ofMillis(200)).records(partition);
    }

    @Override
    public void close() {
        kafka.close(Duration.ofSeconds(5));
    }
}
