package dev.podsearch.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** What the run wrote and what the system acknowledged, for the verifier. Thread-safe. */
final class Ledger {

    private final List<Episode> episodes = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final String runId;

    Ledger(String runId) {
        this.runId = runId;
    }

    Episode newEpisode(Episode.Kind kind) {
        Episode episode = new Episode("chaos-" + runId + "-" + sequence.incrementAndGet(), kind);
        episodes.add(episode);
        return episode;
    }

    List<Episode> episodes() {
        return List.copyOf(episodes);
    }

    /** Writes by outcome, over every episode. */
    int count(Attempts.Ack ack) {
        return (int) episodes.stream()
                .flatMap(e -> e.writes().stream())
                .filter(w -> w.ack() == ack)
                .count();
    }

    List<Episode> of(Episode.Kind kind) {
        List<Episode> found = new ArrayList<>();
        episodes.stream().filter(e -> e.kind() == kind).forEach(found::add);
        return found;
    }
}
