package dev.podsearch.index.bulk;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.index.mapping.IndexSetup;
import dev.podsearch.search.EpisodeDocument;
import dev.podsearch.search.EpisodeDocuments;
import dev.podsearch.search.Indices;
import dev.podsearch.search.MomentDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans a batch: reads what is indexed for its episodes ({@link IndexedEpisodes}), then turns each event, in order,
 * into the operations that bring its episode from the state before it to its revision, so that several revisions of
 * one episode in a batch behave as if applied one by one.
 */
@ApplicationScoped
class BatchPlanner {

    private final IndexSetup indices;
    private final IndexedEpisodes indexed;
    private final BulkLines lines;

    BatchPlanner(IndexSetup indices, IndexedEpisodes indexed, ObjectMapper json) {
        this.indices = indices;
        this.indexed = indexed;
        this.lines = new BulkLines(json);
    }

    /**
     * Plans the events against what is indexed, or, for an episode of {@code previous} (a batch still being written),
     * against the state that batch leaves it in.
     */
    Plan plan(List<TranscriptEvent> events, Plan previous) throws IOException {
        Map<String, EpisodeState> state = indexed.read(events);
        if (previous != null) {
            for (TranscriptEvent event : events) {
                EpisodeState planned = previous.planned(event.episodeId());
                EpisodeState known = state.get(event.episodeId());
                if (planned != null && (known == null || planned.revision() >= known.revision())) {
                    state.put(event.episodeId(), planned);
                }
            }
        }
        Targets targets = new Targets(indices.writeTargets(Indices.MOMENTS), indices.writeTargets(Indices.EPISODES));
        List<Op> ops = new ArrayList<>();
        EpisodeIndexer.Result[] results = new EpisodeIndexer.Result[events.size()];
        for (int i = 0; i < events.size(); i++) {
            TranscriptEvent event = events.get(i);
            EpisodeState before = state.get(event.episodeId());
            if (stale(before, event)) {
                results[i] = new EpisodeIndexer.Result(EpisodeIndexer.Outcome.STALE, null, 0);
                continue;
            }
            int start = ops.size();
            try {
                boolean upsert = event.type() == TranscriptEvent.Type.UPSERT;
                state.put(
                        event.episodeId(),
                        upsert ? upsert(event, before, targets, ops, i) : delete(event, before, targets, ops, i));
                results[i] = new EpisodeIndexer.Result(
                        upsert ? EpisodeIndexer.Outcome.INDEXED : EpisodeIndexer.Outcome.DELETED,
                        null,
                        ops.size() - start);
            } catch (IllegalArgumentException e) {
                ops.subList(start, ops.size()).clear();
                results[i] = new EpisodeIndexer.Result(EpisodeIndexer.Outcome.FAILED, e.getMessage(), 0);
            }
        }
        return new Plan(events, ops, results, state);
    }

    /** Older than what is indexed, or the same revision of a deleted episode: nothing to do. */
    private static boolean stale(EpisodeState before, TranscriptEvent event) {
        return before != null
                && before.revision() >= event.revision()
                && !(before.revision() == event.revision()
                        && !before.deleted()
                        && event.type() == TranscriptEvent.Type.UPSERT);
    }

    private record Targets(List<String> moments, List<String> episodes) {}

    private EpisodeState upsert(TranscriptEvent event, EpisodeState before, Targets targets, List<Op> ops, int owner) {
        String episodeId = event.episodeId();
        long version = event.revision();
        boolean current = before != null && !before.deleted();
        Instant addedAt = current && before.addedAt() != null ? before.addedAt() : Instant.now();
        EpisodeDocuments documents = EpisodeDocuments.of(event, addedAt);
        // The first write of a revision also replaces documents of that same revision: an attempt of it refused for
        // good was rolled back by deleting them at this version, which the engine remembers (index.gc_deletes). A
        // redelivery of the indexed revision keeps the default, so it is a conflict and leaves vectors in place.
        String versionType = current && before.revision() == version ? BulkLines.EXTERNAL : BulkLines.EXTERNAL_GTE;
        for (MomentDocument moment : documents.moments()) {
            String id = Indices.momentId(episodeId, moment.ordinal());
            for (String index : targets.moments()) {
                byte[] line = lines.index(index, id, version, versionType, moment);
                ops.add(new Op(line, owner, Op.Stage.MOMENT, index, id, version));
            }
        }
        // Moments the previous revision had beyond this one's end: their ids are known, no search needed.
        int previous = current ? before.moments() : 0;
        deleteMoments(episodeId, documents.moments().size(), previous, version, targets, ops, owner);
        EpisodeDocument episode = documents.episode();
        for (String index : targets.episodes()) {
            byte[] line = lines.index(index, episodeId, version, BulkLines.EXTERNAL, episode);
            ops.add(new Op(line, owner, Op.Stage.LAST, index, episodeId, version));
        }
        return new EpisodeState(version, documents.moments().size(), addedAt, false);
    }

    private EpisodeState delete(TranscriptEvent event, EpisodeState before, Targets targets, List<Op> ops, int owner) {
        String episodeId = event.episodeId();
        long version = event.revision();
        int previous = before == null || before.deleted() ? 0 : before.moments();
        deleteMoments(episodeId, 0, previous, version, targets, ops, owner);
        for (String index : targets.episodes()) {
            byte[] line = lines.delete(index, episodeId, version, BulkLines.EXTERNAL);
            ops.add(new Op(line, owner, Op.Stage.LAST, index, episodeId, version));
        }
        Tombstone tombstone = new Tombstone(episodeId, version, Instant.now());
        byte[] line = lines.index(IndexSetup.TOMBSTONES, episodeId, version, BulkLines.EXTERNAL, tombstone);
        ops.add(new Op(line, owner, Op.Stage.LAST, IndexSetup.TOMBSTONES, episodeId, version));
        return new EpisodeState(version, 0, null, true);
    }

    /** Deletes moments {@code from} (inclusive) to {@code to} (exclusive) of an episode. */
    private void deleteMoments(
            String episodeId, int from, int to, long version, Targets targets, List<Op> ops, int owner) {
        for (int i = from; i < to; i++) {
            String id = Indices.momentId(episodeId, i);
            for (String index : targets.moments()) {
                byte[] line = lines.delete(index, id, version, BulkLines.EXTERNAL);
                ops.add(new Op(line, owner, Op.Stage.CLEANUP, index, id, version));
            }
        }
    }
}
