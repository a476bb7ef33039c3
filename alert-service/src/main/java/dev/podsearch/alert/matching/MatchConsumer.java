package dev.podsearch.alert.matching;

import dev.podsearch.alert.AlertConfig;
import dev.podsearch.alert.delivery.DeliveryDispatcher;
import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.KafkaConnection;
import dev.podsearch.events.KafkaTopics;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.events.consume.BatchHandler;
import dev.podsearch.events.consume.ConsumerLoop;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * The matching stage's consumer: {@link Topics#TRANSCRIPTS_INDEXED} in a group of its own ({@code alerts.group-id}),
 * through the shared {@link ConsumerLoop}. A poll's outcomes are matched and their deliveries recorded in PostgreSQL
 * before its offsets are committed (at least once; a redelivered outcome adds nothing: see {@link DeliveryWriter}).
 * When OpenSearch or PostgreSQL fails, the loop reads again from the last commit after a backoff.
 */
@ApplicationScoped
public class MatchConsumer {

    @Inject
    KafkaConnection connection;

    @Inject
    KafkaTopics topics;

    @Inject
    AlertConfig config;

    @Inject
    EpisodeMatcher matcher;

    @Inject
    MeterRegistry metrics;

    @Inject
    DeliveryDispatcher dispatcher;

    private ConsumerLoop loop;

    void onStart(@Observes StartupEvent event) {
        if (config.matchingEnabled()) {
            start();
        } else {
            Log.infof("alerts.matching-enabled=false: this replica matches no episodes");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (loop == null) {
            Map<String, Object> settings = connection.settings();
            settings.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
            settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
            loop = new ConsumerLoop(
                    ConsumerLoop.Spec.named("alerts", settings, config.maxBackoff(), Duration.ofSeconds(8))
                            .subscribe(List.of(Topics.TRANSCRIPTS_INDEXED)),
                    () -> {
                        topics.ensure(); // as every service of the topics does: the first to start creates them
                        return BatchHandler.eachPoll(this::handle);
                    },
                    metrics);
        }
        loop.start();
    }

    public synchronized void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    /** True while the stage polls (readiness and tests). */
    public boolean consuming() {
        return loop != null && loop.isConsuming();
    }

    private void handle(ConsumerRecords<String, byte[]> records) {
        List<IndexedEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(TranscriptEventCodec.decodeIndexed(record.value()));
            } catch (RuntimeException e) {
                Log.warnf(
                        "skipping a record of %s-%d@%d that is no indexing outcome: %s",
                        record.topic(), record.partition(), record.offset(), e.getMessage());
            }
        }
        if (matcher.match(events) > 0) {
            dispatcher.wakeUp(); // this replica's dispatcher sends them now, not at its next poll
        }
    }
}
