package dev.podsearch.index.embed;

import dev.podsearch.embed.Embedder;
import dev.podsearch.embed.Embeddings;
import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.KafkaClients;
import dev.podsearch.events.KafkaConnection;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.index.IndexFacts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The embed stage's thread: consumes {@link Topics#TRANSCRIPTS_INDEXED} in its own consumer group, so keyword indexing
 * never waits for it. Each poll's records go through {@link EmbedBatch}; offsets are committed only after the vectors
 * were written and the {@code EMBEDDED} outcomes acknowledged (at least once; a redelivery writes the same documents).
 * When a write fails for a reason time may fix, the consumer goes back to its last commit and tries again after a
 * backoff.
 */
@ApplicationScoped
public class EmbedConsumer {

    @Inject
    KafkaConnection connection;

    private final EmbedderConfig config;
    private final Embeddings embeddings;
    private final EpisodeEmbedder episodes;
    private final MeterRegistry metrics;
    private final Tracer tracer;
    private final AtomicLong lag = new AtomicLong();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread worker;

    EmbedConsumer(
            EmbedderConfig config,
            Embeddings embeddings,
            EpisodeEmbedder episodes,
            MeterRegistry metrics,
            Tracer tracer) {
        this.config = config;
        this.embeddings = embeddings;
        this.episodes = episodes;
        this.metrics = metrics;
        this.tracer = tracer;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start();
        } else {
            Log.infof("embedder.enabled=false: this replica runs no embed stage");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the stage's thread (once; again after {@link #stop()}). */
    public synchronized void start() {
        if (running) {
            return;
        }
        Gauge.builder(IndexFacts.EMBED_LAG, lag, AtomicLong::get)
                .description("records of transcripts.indexed.v1 the embed stage has not consumed yet")
                .register(metrics);
        running = true;
        worker = Thread.ofPlatform().name("embed-consumer").start(this::run);
    }

    /** Stops the stage: the batch under way finishes, the consumer leaves its group. */
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    private void run() {
        Embedder embedder = embeddings.embedder().orElse(null);
        if (embedder == null) {
            Log.warnf("embed stage not started: no embedding model (see the embedding model's log line above)");
            return;
        }
        int failures = 0;
        while (running) {
            try (KafkaProducer<String, byte[]> producer =
                            KafkaClients.reliableProducer(connection.settings(), Map.of());
                    KafkaConsumer<String, byte[]> kafka =
                            new KafkaConsumer<>(settings(), new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = kafka;
                EmbedBatch batch = new EmbedBatch(episodes, embedder, producer, metrics, tracer);
                kafka.subscribe(java.util.List.of(Topics.TRANSCRIPTS_INDEXED));
                while (running) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
                    lag.set(Lag.of(kafka));
                    if (!records.isEmpty()) {
                        batch.handle(records);
                        kafka.commitSync(EmbedBatch.nextOffsets(records));
                        failures = 0;
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                // OpenSearch or Kafka unreachable, or refusing a read: nothing is committed, so nothing is lost
                io.micrometer.core.instrument.Counter.builder(IndexFacts.EMBED_FAILURES)
                        .description("times the embed stage went back to its last commit to try again")
                        .register(metrics)
                        .increment();
                Duration backoff = backoff(++failures);
                Log.warnf(
                        "embed stage: %s; reading again from the last commit in %d ms",
                        e.getMessage(), backoff.toMillis());
                pause(backoff);
            } finally {
                consumer = null;
            }
        }
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = connection.settings();
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        settings.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, KafkaClients.SESSION_TIMEOUT_MS);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchSize());
        return settings;
    }

    /** 200 ms doubling up to {@code embedder.max-backoff}, plus up to a quarter more at random. */
    private Duration backoff(int attempt) {
        long base =
                Math.min(200L << Math.min(attempt - 1, 20), config.maxBackoff().toMillis());
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 4 + 1));
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Decodes an outcome record; null (logged) when it is not one. */
    static IndexedEvent decode(byte[] value) {
        try {
            return TranscriptEventCodec.decodeIndexed(value);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
