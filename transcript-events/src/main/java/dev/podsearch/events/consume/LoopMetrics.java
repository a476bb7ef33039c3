package dev.podsearch.events.consume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The meters of every consumer loop, the same names for all, told apart by the {@code consumer} tag (the loop's name):
 * {@code podsearch.consumer.lag}, {@code podsearch.consumer.records}, {@code podsearch.consumer.failures}.
 */
final class LoopMetrics {

    private final AtomicLong lag = new AtomicLong();
    private final Counter records;
    private final Counter failures;

    LoopMetrics(String consumer, MeterRegistry registry) {
        Gauge.builder(ConsumerMeters.LAG, lag, AtomicLong::get)
                .description("records not yet consumed, over the consumer's assigned partitions")
                .tag("consumer", consumer)
                .register(registry);
        records = Counter.builder(ConsumerMeters.RECORDS)
                .description("records polled (a record read again after a failure counts again)")
                .tag("consumer", consumer)
                .register(registry);
        failures = Counter.builder(ConsumerMeters.FAILURES)
                .description("times the consumer went back to its last commit to try again")
                .tag("consumer", consumer)
                .register(registry);
    }

    /** After a poll: counts its records and updates the lag (what the client knows without a request). */
    void polled(KafkaConsumer<?, ?> kafka, ConsumerRecords<?, ?> polled) {
        records.increment(polled.count());
        long total = 0;
        for (TopicPartition partition : kafka.assignment()) {
            OptionalLong partitionLag = kafka.currentLag(partition);
            if (partitionLag.isPresent()) {
                total += partitionLag.getAsLong();
            }
        }
        lag.set(total);
    }

    void failed() {
        failures.increment();
    }
}
