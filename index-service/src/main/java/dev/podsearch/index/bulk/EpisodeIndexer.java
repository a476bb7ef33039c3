package dev.podsearch.index.bulk;

import dev.podsearch.events.TranscriptEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the documents of a batch of events in as few {@code _bulk} requests as their size allows. Every write is
 * idempotent: ids are deterministic and versions are the revision (external versioning), so a redelivered, replayed or
 * older revision never replaces a newer one, and a version conflict counts as done.
 *
 * <p>A batch is planned ({@link BatchPlanner}: what is indexed is read once, then each event is planned in order
 * against it), then written ({@link PlanWriter}: moments, then episode documents; a revision refused for good is rolled
 * back). A DELETE leaves a tombstone: OpenSearch forgets a deleted document's version after a minute, the tombstone does
 * not, so an older revision replayed later cannot bring the episode back.
 */
@ApplicationScoped
public class EpisodeIndexer {

    private final BatchPlanner planner;
    private final PlanWriter writer;

    EpisodeIndexer(BatchPlanner planner, PlanWriter writer) {
        this.planner = planner;
        this.writer = writer;
    }

    /** What applying an event did. */
    public enum Outcome {
        INDEXED,
        DELETED,
        /** An older revision than the one indexed (or deleted): nothing to do. */
        STALE,
        /**
         * OpenSearch refused a document for a reason time will not fix: nothing of the revision stays findable, and the
         * record goes to the dead-letter topic.
         */
        FAILED
    }

    /** An event's outcome; {@code reason} says why it failed. */
    public record Result(Outcome outcome, String reason, int documents) {}

    /**
     * Indexes the events in order; returns one result per event.
     *
     * @throws IndexingException retryable: OpenSearch could not take part of the batch for a reason time may fix; the
     *     whole batch may be applied again (it is idempotent)
     */
    public List<Result> apply(List<TranscriptEvent> events) {
        return execute(plan(events, null));
    }

    /**
     * Reads what is indexed for the batch's episodes and plans each event in order against it. A batch planned while
     * the previous one is still being written passes that one as {@code previous}: its episodes' planned state counts
     * over what the engine shows yet, so a revision of an episode in both batches deletes the right moments.
     *
     * @throws IndexingException retryable: OpenSearch could not be read
     */
    public Plan plan(List<TranscriptEvent> events, Plan previous) {
        return IndexingException.engine(() -> planner.plan(events, previous));
    }

    /**
     * Writes a planned batch; returns one result per event.
     *
     * @throws IndexingException retryable: OpenSearch could not take part of the batch for a reason time may fix; the
     *     whole batch may be planned and written again (it is idempotent)
     */
    public List<Result> execute(Plan plan) {
        try {
            return IndexingException.engine(() -> writer.write(plan));
        } catch (IndexingException e) {
            if (e.retryable()) {
                throw e;
            }
            // The whole request was refused (say, too large): one event at a time, to find the one to blame.
            List<Result> results = new ArrayList<>(plan.size());
            for (TranscriptEvent event : plan.events()) {
                try {
                    results.add(execute(plan(List.of(event), null)).getFirst());
                } catch (IndexingException single) {
                    if (single.retryable()) {
                        throw single;
                    }
                    results.add(new Result(Outcome.FAILED, single.getMessage(), 0));
                }
            }
            return results;
        }
    }
}
