package dev.podsearch.index.consume;

import dev.podsearch.index.IndexerConfig;
import dev.podsearch.index.bulk.EpisodeIndexer;
import dev.podsearch.index.bulk.IndexingException;
import dev.podsearch.index.bulk.Plan;
import io.micrometer.core.instrument.Counter;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The consumer's poll loop. While a batch is written (on {@code writer}), the next one is read and planned: the engine
 * never waits for us. A written batch is settled (outcomes reported and acknowledged, then offsets committed); when
 * OpenSearch cannot take it, or Kafka does not acknowledge its outcomes, the partitions go back to their last commit
 * and are paused (polling goes on, so the consumer stays in its group) until a backoff has passed.
 */
final class PollLoop implements ConsumerRebalanceListener {

    private final KafkaConsumer<String, byte[]> kafka;
    private final EpisodeIndexer indexer;
    private final RecordDecoder decoder;
    private final OutcomeReporter reporter;
    private final IndexSpans spans;
    private final ExecutorService writer;
    private final BatchTopUp topUp;
    private final Duration maxBackoff;
    private final int maxPollRecords;
    private final Counter retries;
    private final Runnable afterPoll;
    private Batch inFlight;
    private long retryAt;
    private int attempt;

    PollLoop(
            KafkaConsumer<String, byte[]> kafka,
            EpisodeIndexer indexer,
            RecordDecoder decoder,
            OutcomeReporter reporter,
            IndexSpans spans,
            ExecutorService writer,
            IndexerConfig config,
            Counter retries,
            Runnable afterPoll) {
        this.kafka = kafka;
        this.indexer = indexer;
        this.decoder = decoder;
        this.reporter = reporter;
        this.spans = spans;
        this.writer = writer;
        this.topUp = new BatchTopUp(kafka, indexer, decoder);
        this.maxBackoff = config.maxBackoff();
        this.maxPollRecords = config.maxPollRecords();
        this.retries = retries;
        this.afterPoll = afterPoll;
    }

    /** Polls until {@code running} turns false, then finishes the batch under way. */
    void run(BooleanSupplier running) {
        while (running.getAsBoolean()) {
            if (retryAt > 0) {
                waitToRetry();
                continue;
            }
            ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(inFlight == null ? 500 : 5));
            afterPoll.run();
            Batch next = null;
            String failure = null;
            if (!records.isEmpty()) {
                List<Decoded> events = decoder.decode(records);
                try {
                    next = new Batch(records, events, plan(events, inFlight == null ? null : inFlight.plan()), null);
                } catch (IndexingException e) {
                    IndexSpans.end(events, "cannot plan now: " + e.getMessage() + "; read again");
                    failure = retryable(e);
                }
            }
            Batch done = inFlight;
            inFlight = null;
            if (done != null) {
                List<EpisodeIndexer.Result> results = done.await();
                if (results == null) {
                    abandon(done, "OpenSearch could not take the batch");
                    abandon(next, "the batch before it was not settled");
                    retryLater("OpenSearch could not take the batch", true);
                    continue;
                }
                String unsettled = settle(done, results);
                if (unsettled != null) {
                    abandon(next, "the batch before it was not settled");
                    retryLater(unsettled, false);
                    continue;
                }
                if (next != null && refusedAny(results)) {
                    // planned against the state a refused revision would have left: plan again against the engine
                    try {
                        next = new Batch(next.records(), next.events(), plan(next.events(), null), null);
                    } catch (IndexingException e) {
                        failure = retryable(e);
                    }
                }
            }
            if (failure != null) {
                abandon(next, failure);
                retryLater(failure, true);
                continue;
            }
            if (next != null && done != null && next.records().count() < maxPollRecords) {
                next = topUp.apply(next);
            }
            if (next != null) {
                Plan plan = next.plan();
                IndexSpans.Write write = spans.write(next.events());
                inFlight = next.writing(CompletableFuture.supplyAsync(() -> indexer.execute(plan), writer)
                        .whenComplete((written, error) -> write.end(error == null ? null : unwrap(error))));
            }
        }
        if (inFlight != null) { // shutting down: finish what was started
            complete();
        }
    }

    /** Finishes (and commits) the batch being written, so the next owner does not write it again. */
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (inFlight != null) {
            complete();
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}

    private void complete() {
        Batch batch = inFlight;
        inFlight = null;
        List<EpisodeIndexer.Result> results = batch.await();
        String failure = results == null ? "see above" : settle(batch, results);
        if (results == null) {
            abandon(batch, "OpenSearch could not take the batch");
        }
        if (failure != null) {
            Log.warnf(
                    "transcript consumer: batch of %d records not committed (%s)",
                    batch.records().count(), failure);
        }
    }

    private Plan plan(List<Decoded> events, Plan previous) {
        return indexer.plan(events.stream().map(Decoded::event).toList(), previous);
    }

    private static boolean refusedAny(List<EpisodeIndexer.Result> results) {
        return results.stream().anyMatch(r -> r.outcome() == EpisodeIndexer.Outcome.FAILED);
    }

    private static String retryable(IndexingException e) {
        if (!e.retryable()) {
            throw e;
        }
        return e.getMessage();
    }

    /** Reports the outcomes of a written batch and, once Kafka acknowledged them, commits; else says why not. */
    private String settle(Batch batch, List<EpisodeIndexer.Result> results) {
        try {
            reporter.report(batch.events(), results, attempt + 1);
        } catch (OutcomeReporter.NotAcknowledged e) {
            abandon(batch, e.getMessage());
            return e.getMessage();
        }
        IndexSpans.end(batch.events(), null);
        kafka.commitSync(batch.nextOffsets());
        attempt = 0;
        return null;
    }

    /** Ends the processing spans of a batch that is read again (null: none). */
    private static void abandon(Batch batch, String why) {
        if (batch != null) {
            IndexSpans.end(batch.events(), why + "; read again");
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause()
                : error;
    }

    /** Waiting to retry: partitions paused, polling keeps the group membership. */
    private void waitToRetry() {
        ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(100));
        if (!records.isEmpty()) { // from partitions assigned while paused: read them again later
            Batch.rewind(kafka, records);
            kafka.pause(records.partitions());
        }
        if (System.currentTimeMillis() >= retryAt) {
            retryAt = 0;
            kafka.resume(kafka.paused());
        }
    }

    /**
     * Forgets the batches in memory, goes back to the last commit and pauses until the backoff has passed;
     * {@code engine}: OpenSearch could not take the batch (counted), else Kafka did not take its outcomes (counted by
     * the reporter).
     */
    private void retryLater(String reason, boolean engine) {
        attempt++;
        if (engine) {
            retries.increment();
        }
        Duration backoff = Backoff.after(attempt, maxBackoff);
        Log.warnf(
                "transcript consumer: attempt %d failed (%s); partitions paused, reading again from the last commit in"
                        + " %d ms",
                attempt, reason, backoff.toMillis());
        Batch.rewindToCommitted(kafka);
        kafka.pause(kafka.assignment());
        retryAt = System.currentTimeMillis() + backoff.toMillis();
    }
}
