package dev.podsearch.index.consume;

import dev.podsearch.events.consume.BatchHandler;
import dev.podsearch.events.consume.Offsets;
import dev.podsearch.events.consume.RetryLater;
import dev.podsearch.events.consume.Session;
import dev.podsearch.index.bulk.EpisodeIndexer;
import dev.podsearch.index.bulk.IndexingException;
import dev.podsearch.index.bulk.Plan;
import io.micrometer.core.instrument.Counter;
import io.quarkus.logging.Log;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * The transcript consumer's batch handler ({@link ConsumerLoop}): while a batch is written (on {@code writer}), the next
 * one is read and planned, so the engine never waits for us. A written batch is settled (outcomes reported and
 * acknowledged, then offsets committed); when OpenSearch cannot take it, or Kafka does not acknowledge its outcomes,
 * the batches in memory are dropped and the loop reads again from the last commit after a backoff.
 */
final class BatchPipeline implements BatchHandler {

    private final EpisodeIndexer indexer;
    private final RecordDecoder decoder;
    private final OutcomeReporter reporter;
    private final IndexSpans spans;
    private final ExecutorService writer;
    private final BatchTopUp topUp;
    private final int maxPollRecords;
    private final Counter retries;
    private Batch inFlight;

    BatchPipeline(
            EpisodeIndexer indexer,
            RecordDecoder decoder,
            OutcomeReporter reporter,
            IndexSpans spans,
            ExecutorService writer,
            int maxPollRecords,
            Counter retries) {
        this.indexer = indexer;
        this.decoder = decoder;
        this.reporter = reporter;
        this.spans = spans;
        this.writer = writer;
        this.topUp = new BatchTopUp(indexer, decoder);
        this.maxPollRecords = maxPollRecords;
        this.retries = retries;
    }

    @Override
    public boolean busy() {
        return inFlight != null;
    }

    /** Plans the records polled, settles the batch written meanwhile, then starts writing the planned one. */
    @Override
    public void handle(ConsumerRecords<String, byte[]> records, Session session) {
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
                throw retryLater("OpenSearch could not take the batch", true);
            }
            String unsettled = settle(done, results, session);
            if (unsettled != null) {
                abandon(next, "the batch before it was not settled");
                throw retryLater(unsettled, false);
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
            throw retryLater(failure, true);
        }
        if (next != null && done != null && next.records().count() < maxPollRecords) {
            next = topUp.apply(next, session);
        }
        if (next != null) {
            Plan plan = next.plan();
            IndexSpans.Write write = spans.write(next.events());
            inFlight = next.writing(CompletableFuture.supplyAsync(() -> indexer.execute(plan), writer)
                    .whenComplete((written, error) -> write.end(error == null ? null : unwrap(error))));
        }
    }

    /** Finishes (and commits) the batch being written: before a rebalance, so the next owner does not write it again. */
    @Override
    public void finish(Session session) {
        if (inFlight != null) {
            complete(session);
        }
    }

    @Override
    public void close() {
        writer.shutdownNow();
    }

    private void complete(Session session) {
        Batch batch = inFlight;
        inFlight = null;
        List<EpisodeIndexer.Result> results = batch.await();
        String failure = results == null ? "see above" : settle(batch, results, session);
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
    private String settle(Batch batch, List<EpisodeIndexer.Result> results, Session session) {
        try {
            reporter.report(batch.events(), results, session.attempt() + 1);
        } catch (OutcomeReporter.NotAcknowledged e) {
            abandon(batch, e.getMessage());
            return e.getMessage();
        }
        IndexSpans.end(batch.events(), null);
        session.commit(Offsets.after(batch.records()));
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

    /**
     * Gives the batches in memory up (the caller abandoned them): the loop goes back to the last commit and waits a
     * backoff; {@code engine}: OpenSearch could not take the batch (counted), else Kafka did not take its outcomes
     * (counted by the reporter).
     */
    private RetryLater retryLater(String reason, boolean engine) {
        if (engine) {
            retries.increment();
        }
        return new RetryLater(reason);
    }
}
