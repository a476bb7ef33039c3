package dev.podsearch.events.consume;

import dev.podsearch.events.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * The one way the services consume Kafka, at least once, on a thread of its own: subscribe, poll, hand each poll to
 * the consumer's {@link BatchHandler} (which commits by its rule), pause and resume around a {@link RetryLater},
 * finish and commit before a rebalance, stop within a bound. When the handler cannot be opened or the Kafka session
 * fails, the consumer is closed and starts again from the last commit after a backoff (one policy: {@link Backoff}).
 * Offsets are committed only by the handler: auto-commit is off.
 */
public final class ConsumerLoop {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

    /**
     * @param name the consumer's name: its thread, log lines and the {@code consumer} tag of its meters
     * @param settings the connection and the consumer's own settings, its {@code group.id} among them
     * @param maxBackoff the longest wait before trying again
     * @param stopTimeout how long {@link #stop()} waits for the batch under way; then the (daemon) thread is left
     */
    public record Spec(
            String name, List<String> topics, Map<String, Object> settings, Duration maxBackoff, Duration stopTimeout) {

        /** A consumer that subscribes to nothing yet: see {@link #subscribe}. */
        public static Spec named(String name, Map<String, Object> settings, Duration maxBackoff, Duration stopTimeout) {
            return new Spec(name, List.of(), settings, maxBackoff, stopTimeout);
        }

        /** This consumer, subscribed to {@code topics}. */
        public Spec subscribe(List<String> topics) {
            return new Spec(name, List.copyOf(topics), settings, maxBackoff, stopTimeout);
        }
    }

    private final Spec spec;
    private final BatchHandler.Factory handlers;
    private final LoopMetrics metrics;
    private final Backoff backoff;
    private volatile boolean running;
    private volatile boolean consuming;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile CountDownLatch stopping = new CountDownLatch(1);
    private Thread worker;
    private int failures;

    public ConsumerLoop(Spec spec, BatchHandler.Factory handlers, MeterRegistry registry) {
        this.spec = spec;
        this.handlers = handlers;
        this.metrics = new LoopMetrics(spec.name(), registry);
        this.backoff = Backoff.of(Backoff.FIRST, spec.maxBackoff());
    }

    /** Starts the loop's thread (once; again after {@link #stop()}). */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopping = new CountDownLatch(1);
        worker = Thread.ofPlatform().name(spec.name() + "-consumer").daemon().start(this::run);
    }

    /** True while the handler is open and the consumer polls. */
    public boolean isConsuming() {
        return consuming && running;
    }

    /**
     * Stops: the batch under way finishes and is committed, the consumer leaves its group. Waits half the stop timeout
     * for that, then wakes the consumer up (out of a blocked poll or commit), then waits the rest.
     */
    public synchronized void stop() {
        running = false;
        stopping.countDown();
        if (worker == null) {
            return;
        }
        try {
            if (!worker.join(spec.stopTimeout().dividedBy(2))) {
                KafkaConsumer<String, byte[]> current = consumer;
                if (current != null) {
                    current.wakeup();
                }
                if (!worker.join(spec.stopTimeout().dividedBy(2))) {
                    LOG.warnf("%s consumer: still busy after %s; stopping without it", spec.name(), spec.stopTimeout());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
    }

    private void run() {
        while (running) {
            try (BatchHandler handler = handlers.open()) {
                if (handler == null) {
                    return;
                }
                consume(handler);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                // nothing past the last commit is lost: the next session reads it again
                consuming = false;
                metrics.failed();
                Duration delay = backoff.after(++failures);
                LOG.warnf(
                        "%s consumer: %s; reading again from the last commit in %d ms",
                        spec.name(), e.getMessage(), delay.toMillis());
                pause(delay);
            }
        }
    }

    private void consume(BatchHandler handler) {
        KafkaConsumer<String, byte[]> kafka = open();
        try {
            consumer = kafka;
            consuming = true;
            new PollSession(spec.name(), kafka, handler, backoff, metrics, () -> failures = 0)
                    .run(spec.topics(), () -> running);
        } finally {
            consumer = null;
            consuming = false;
            // bounded: the default waits up to 30 s to leave the group when Kafka is gone
            kafka.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        }
    }

    private KafkaConsumer<String, byte[]> open() {
        Map<String, Object> settings = new HashMap<>(spec.settings());
        settings.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, KafkaClients.SESSION_TIMEOUT_MS);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Waits out a backoff, or less if the loop stops meanwhile. */
    private void pause(Duration delay) {
        try {
            stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
