package dev.podsearch.index.embed;

import dev.podsearch.embed.Embedder;
import dev.podsearch.embed.Embeddings;
import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.KafkaClients;
import dev.podsearch.events.KafkaConnection;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.events.consume.BatchHandler;
import dev.podsearch.events.consume.ConsumerLoop;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The embed stage's consumer: consumes {@link Topics#TRANSCRIPTS_INDEXED} in its own consumer group, so keyword
 * indexing never waits for it. Each poll's records go through {@link EmbedBatch}; offsets are committed only after the
 * vectors were written and the {@code EMBEDDED} outcomes acknowledged (at least once; a redelivery writes the same
 * documents). When a write fails for a reason time may fix, the {@link ConsumerLoop} goes back to its last commit and
 * tries again after a backoff.
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
    private ConsumerLoop loop;

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
        if (loop == null) {
            Map<String, Object> settings = connection.settings();
            settings.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
            settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchSize());
            loop = new ConsumerLoop(
                    ConsumerLoop.Spec.named("embed", settings, config.maxBackoff(), Duration.ofSeconds(8))
                            .subscribe(List.of(Topics.TRANSCRIPTS_INDEXED)),
                    this::open,
                    metrics);
        }
        loop.start();
    }

    /** Stops the stage: the batch under way finishes, the consumer leaves its group. */
    public synchronized void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    /** A Kafka session's handler, with a producer of its own for the announcements; null without a model. */
    private BatchHandler open() {
        Embedder embedder = embeddings.embedder().orElse(null);
        if (embedder == null) {
            Log.warnf("embed stage not started: no embedding model (see the embedding model's log line above)");
            return null;
        }
        KafkaProducer<String, byte[]> producer = KafkaClients.reliableProducer(connection.settings(), Map.of());
        EmbedBatch batch = new EmbedBatch(episodes, embedder, producer, metrics, tracer);
        return BatchHandler.eachPoll(batch::handle).closing(() -> producer.close(Duration.ofSeconds(5)));
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
