package dev.podsearch.index.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.index.IndexFacts;
import dev.podsearch.support.LogFields;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a planned batch in two steps: the moments (and the deletes of the previous revisions' extra moments), then,
 * for each event none of whose operations was refused, its episode document (or its delete and tombstone).
 *
 * <p>A revision refused for good (any of its writes) is rolled back before its outcome is reported: every moment it
 * stored is deleted at its revision ({@code external_gte}: the same or an older version; a newer revision's document is
 * left alone). So nothing of it stays findable, and the episode document, never written for it, still records the
 * revision before it and that one's moment count, which is all the next revision or a delete needs to remove every
 * moment still stored. A rollback the engine does not take is retried with the batch, never reported as done.
 */
@ApplicationScoped
class PlanWriter {

    private final BulkSender sender;
    private final BulkLines lines;
    private final Counter documents;
    private final Counter rolledBack;

    PlanWriter(BulkSender sender, ObjectMapper json, MeterRegistry metrics) {
        this.sender = sender;
        this.lines = new BulkLines(json);
        this.documents = Counter.builder(IndexFacts.DOCUMENTS)
                .description("documents written (indexed or deleted)")
                .register(metrics);
        this.rolledBack = Counter.builder(IndexFacts.ROLLED_BACK)
                .description("moments deleted again because a write of their revision was refused for good")
                .register(metrics);
    }

    /**
     * Writes the plan; one result per event. Throws a retryable {@link IndexingException} if time may fix a refusal,
     * and a non-retryable one if a request of a batch of several events was refused as a whole (say, too large: the
     * caller writes them one at a time to find the one to blame).
     */
    List<EpisodeIndexer.Result> write(Plan plan) throws IOException {
        try {
            return writeItems(plan);
        } catch (IndexingException e) {
            if (e.retryable() || plan.size() != 1) {
                throw e;
            }
            // one event, a request of it refused as a whole: others of its requests may have landed
            List<Op> moments = plan.ops().stream()
                    .filter(op -> op.stage() == Op.Stage.MOMENT)
                    .toList();
            rollBack(plan, moments, Collections.nCopies(moments.size(), BulkItem.OK), Map.of(0, e.getMessage()));
            return List.of(new EpisodeIndexer.Result(EpisodeIndexer.Outcome.FAILED, e.getMessage(), 0));
        }
    }

    private List<EpisodeIndexer.Result> writeItems(Plan plan) throws IOException {
        List<Op> first =
                plan.ops().stream().filter(op -> op.stage() != Op.Stage.LAST).toList();
        List<BulkItem> firstItems = sender.send(first);
        Map<Integer, String> failed = refusals(first, firstItems);
        List<Op> last = plan.ops().stream()
                .filter(op -> op.stage() == Op.Stage.LAST && !failed.containsKey(op.owner()))
                .toList();
        failed.putAll(refusals(last, sender.send(last)));
        if (!failed.isEmpty()) {
            rollBack(plan, first, firstItems, failed);
        }
        EpisodeIndexer.Result[] results = plan.results();
        for (Map.Entry<Integer, String> failure : failed.entrySet()) {
            results[failure.getKey()] = new EpisodeIndexer.Result(EpisodeIndexer.Outcome.FAILED, failure.getValue(), 0);
        }
        for (EpisodeIndexer.Result result : results) {
            if (result.outcome() == EpisodeIndexer.Outcome.INDEXED
                    || result.outcome() == EpisodeIndexer.Outcome.DELETED) {
                documents.increment(result.documents());
            }
        }
        return List.of(results);
    }

    /** The events an operation of which was refused for good, with the reason; throws if time may fix one. */
    private static Map<Integer, String> refusals(List<Op> ops, List<BulkItem> items) {
        Map<Integer, String> failed = new HashMap<>();
        IndexingException retry = null;
        for (int i = 0; i < ops.size(); i++) {
            BulkItem item = items.get(i);
            if (item.retryable()) {
                retry = new IndexingException(item.reason(), true, null);
            } else if (item.refused()) {
                failed.putIfAbsent(ops.get(i).owner(), item.reason());
            }
        }
        if (retry != null) {
            throw retry;
        }
        return failed;
    }

    /** Deletes the moments the refused revisions stored (written now, or by an earlier attempt: 409). */
    private void rollBack(Plan plan, List<Op> first, List<BulkItem> items, Map<Integer, String> failed)
            throws IOException {
        List<Op> deletes = new ArrayList<>();
        Map<Integer, Integer> perEvent = new HashMap<>();
        for (int i = 0; i < first.size(); i++) {
            Op op = first.get(i);
            if (op.stage() == Op.Stage.MOMENT
                    && failed.containsKey(op.owner())
                    && items.get(i).stored()) {
                byte[] line = lines.delete(op.index(), op.id(), op.version(), BulkLines.EXTERNAL_GTE);
                deletes.add(new Op(line, op.owner(), Op.Stage.CLEANUP, op.index(), op.id(), op.version()));
                perEvent.merge(op.owner(), 1, Integer::sum);
            }
        }
        if (deletes.isEmpty()) {
            return;
        }
        List<BulkItem> answers = sender.send(deletes);
        for (int i = 0; i < deletes.size(); i++) {
            BulkItem item = answers.get(i);
            if (!item.done()) {
                throw new IndexingException(
                        "cannot roll back a revision refused for good ("
                                + failed.get(deletes.get(i).owner()) + "): " + item.reason(),
                        true,
                        null);
            }
        }
        rolledBack.increment(deletes.size());
        perEvent.forEach((owner, count) -> {
            TranscriptEvent event = plan.events().get(owner);
            try (LogFields fields = LogFields.episode(event.episodeId(), event.revision())) {
                Log.warnf(
                        "episode %s revision %d refused for good: the %d moment documents it stored were deleted"
                                + " again",
                        event.episodeId(), event.revision(), count);
            }
        });
    }
}
