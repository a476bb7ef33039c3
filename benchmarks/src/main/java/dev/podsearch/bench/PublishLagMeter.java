package dev.podsearch.bench;

import dev.podsearch.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@link Topics#TRANSCRIPTS} from its end and records, per episode, Kafka timestamp minus occurredAt. */
final class PublishLagMeter implements AutoCloseable {
    private final Map<String, Double> lags = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    PublishLagMeter(String bootstrap) throws InterruptedException {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "bench-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "latest",
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                        16 << 20),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.TRANSCRIPTS));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        thread = Thread.ofPlatform().start(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        lags.put(record.key(), (double) (record.timestamp() - occurredAt(record.value())));
                    }
                }
            }
        });
    }

    /** Reads only the envelope's occurredAt: decoding whole events would load the machine being measured. */
    private static long occurredAt(byte[] value) {
        String head = new String(value, 0, Math.min(value.length, 512), StandardCharsets.UTF_8);
        int at = head.indexOf("\"occurredAt\":\"") + 14;
        return java.time.Instant.parse(head.substring(at, head.indexOf('"', at)))
                .toEpochMilli();
    }

    List<Double> await(Set<String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !lags.keySet().containsAll(ids)) {
            Thread.sleep(100);
        }
        return ids.stream().map(lags::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
