package dev.podsearch.index.bulk;

import dev.podsearch.events.TranscriptEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch ready to be written: its events, their operations, the outcomes already known (stale, unbuildable), and the
 * state each of its episodes will be in once written.
 */
public final class Plan {

    private final List<TranscriptEvent> events;
    private final List<Op> ops;
    private final EpisodeIndexer.Result[] results;
    private final Map<String, EpisodeState> state;

    Plan(List<TranscriptEvent> events, List<Op> ops, EpisodeIndexer.Result[] results, Map<String, EpisodeState> state) {
        this.events = events;
        this.ops = ops;
        this.results = results;
        this.state = state;
    }

    public int size() {
        return events.size();
    }

    /**
     * This plan and one planned after it ({@code plan(events, this)}), as one batch: its events follow this plan's,
     * and so do its operations in the {@code _bulk} requests.
     */
    public Plan then(Plan next) {
        List<TranscriptEvent> allEvents = new ArrayList<>(events);
        allEvents.addAll(next.events);
        List<Op> allOps = new ArrayList<>(ops);
        int offset = events.size();
        for (Op op : next.ops) {
            allOps.add(op.withOwner(op.owner() + offset));
        }
        EpisodeIndexer.Result[] allResults = Arrays.copyOf(results, allEvents.size());
        System.arraycopy(next.results, 0, allResults, offset, next.results.length);
        Map<String, EpisodeState> allState = new HashMap<>(state);
        allState.putAll(next.state);
        return new Plan(allEvents, allOps, allResults, allState);
    }

    List<TranscriptEvent> events() {
        return events;
    }

    List<Op> ops() {
        return ops;
    }

    /** Each event's outcome if the write succeeds (a copy). */
    EpisodeIndexer.Result[] results() {
        return results.clone();
    }

    /** The state an episode of this batch is in once the batch is written; null if it has no event here. */
    EpisodeState planned(String episodeId) {
        return state.get(episodeId);
    }
}
