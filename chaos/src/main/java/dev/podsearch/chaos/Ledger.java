package dev.podsearch.chaos;

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

    /**
     * Acknowledged writes by what they were: {@code new} (an episode's first upload), {@code revision}, {@code delete},
     * {@code poison}, {@code probe}.
     */
    java.util.Map<String, Integer> acknowledgedByKind() {
        java.util.Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String kind : List.of("new", "revision", "delete", "poison", "probe")) {
            counts.put(kind, 0);
        }
        for (Episode episode : episodes) {
            List<Episode.Write> writes = episode.writes();
            for (int i = 0; i < writes.size(); i++) {
                Episode.Write write = writes.get(i);
                if (write.ack() != Attempts.Ack.ACKED) {
                    continue;
                }
                String kind =
                        switch (episode.kind()) {
                            case PROBE -> "probe";
                            case POISON_UPLOAD, POISON_DROP -> "poison";
                            case NORMAL -> write.isDelete() ? "delete" : i == 0 ? "new" : "revision";
                        };
                counts.merge(kind, 1, Integer::sum);
            }
        }
        return counts;
    }
}
