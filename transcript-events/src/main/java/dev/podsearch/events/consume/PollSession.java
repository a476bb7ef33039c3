package dev.podsearch.events.consume;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One Kafka consumer session of a {@link ConsumerLoop}: subscribes, polls and hands each poll to the handler. On
 * {@link RetryLater} the partitions go back to their last commit and are paused (polling goes on, so the consumer
 * stays in its group) until a backoff has passed. Before partitions are revoked, and when the loop stops, the handler
 * finishes and commits what is done.
 */
final class PollSession implements Session, ConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    private final String name;
    private final KafkaConsumer<String, byte[]> kafka;
    private final BatchHandler handler;
    private final Backoff backoff;
    private final LoopMetrics metrics;
    private final Runnable committed;
    private long retryAt;
    private int attempt;

    PollSession(
            String name,
            KafkaConsumer<String, byte[]> kafka,
            BatchHandler handler,
            Backoff backoff,
            LoopMetrics metrics,
            Runnable committed) {
        this.name = name;
        this.kafka = kafka;
        this.handler = handler;
        this.backoff = backoff;
        this.metrics = metrics;
        this.committed = committed;
    }

    /** Polls until {@code running} turns false (or the consumer is woken up to stop), then finishes the work. */
    void run(Collection<String> topics, BooleanSupplier running) {
        kafka.subscribe(topics, this);
        try {
            while (running.getAsBoolean()) {
                if (retryAt > 0) {
                    waitToRetry();
                    continue;
                }
                ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(handler.busy() ? 5 : 500));
                metrics.polled(kafka, records);
                try {
                    handler.handle(records, this);
                } catch (RetryLater e) {
                    retryLater(e.getMessage());
                }
            }
        } catch (WakeupException e) {
            if (running.getAsBoolean()) {
                throw e;
            }
        }
        handler.finish(this); // stopping: finish what was started
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        handler.finish(this);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

    @Override
    public void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        kafka.commitSync(offsets);
        attempt = 0;
        committed.run();
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public ConsumerRecords<String, byte[]> pollNow(Duration timeout) {
        ConsumerRecords<String, byte[]> records = kafka.poll(timeout);
        metrics.polled(kafka, records);
        return records;
    }

    @Override
    public Set<TopicPartition> assignment() {
        return kafka.assignment();
    }

    @Override
    public void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            kafka.seek(partition, records.records(partition).getFirst().offset());
        }
    }

    @Override
    public void seek(TopicPartition partition, long offset) {
        kafka.seek(partition, offset);
    }

    /** Waiting to retry: partitions paused, polling keeps the group membership. */
    private void waitToRetry() {
        ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(100));
        if (!records.isEmpty()) { // from partitions assigned while paused: read them again later
            rewind(records);
            kafka.pause(records.partitions());
        }
        if (System.currentTimeMillis() >= retryAt) {
            retryAt = 0;
            kafka.resume(kafka.paused());
        }
    }

    /** Goes back to the last commit and pauses until the backoff has passed (the handler forgot its batches). */
    private void retryLater(String reason) {
        attempt++;
        metrics.failed();
        Duration delay = backoff.after(attempt);
        LOG.warnf(
                "%s consumer: attempt %d failed (%s); partitions paused, reading again from the last commit in %d ms",
                name, attempt, reason, delay.toMillis());
        Map<TopicPartition, OffsetAndMetadata> committedOffsets = kafka.committed(kafka.assignment());
        for (TopicPartition partition : kafka.assignment()) {
            OffsetAndMetadata offset = committedOffsets.get(partition);
            if (offset != null) {
                kafka.seek(partition, offset.offset());
            } else {
                kafka.seekToBeginning(List.of(partition));
            }
        }
        kafka.pause(kafka.assignment());
        retryAt = System.currentTimeMillis() + delay.toMillis();
    }
}
