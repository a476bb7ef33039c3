package dev.podsearch.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * One episode of the stream, as the client knows it: its writes in order and what became of each. The stream stops
 * writing to an episode once a write's outcome is unknown, so it has at most one, its last.
 */
final class Episode {

    enum Kind {
        NORMAL,
        PROBE,
        POISON_UPLOAD,
        POISON_DROP
    }

    /** One write: a revision (marker, lines) or a delete (marker null). */
    record Write(String marker, int lines, Attempts.Ack ack, long revision) {
        boolean isDelete() {
            return marker == null;
        }
    }

    private final String externalId;
    private final Kind kind;
    private final List<Write> writes = new ArrayList<>();
    private volatile String id;

    Episode(String externalId, Kind kind) {
        this.externalId = externalId;
        this.kind = kind;
    }

    synchronized void record(Write write, String knownId) {
        writes.add(write);
        if (knownId != null) {
            id = knownId;
        }
    }

    synchronized List<Write> writes() {
        return List.copyOf(writes);
    }

    String externalId() {
        return externalId;
    }

    Kind kind() {
        return kind;
    }

    /** The service's id, once an answer told it. */
    String id() {
        return id;
    }

    /** Whether the stream may write to it again: every write acknowledged, not deleted, not poison. */
    synchronized boolean writable() {
        return kind == Kind.NORMAL
                && !writes.isEmpty()
                && writes.stream().allMatch(w -> w.ack() == Attempts.Ack.ACKED)
                && !writes.getLast().isDelete();
    }

    synchronized boolean uncertain() {
        return writes.stream().anyMatch(w -> w.ack() == Attempts.Ack.UNKNOWN);
    }

    /** Its last acknowledged write, if any. */
    synchronized java.util.Optional<Write> lastAcked() {
        return writes.reversed().stream()
                .filter(w -> w.ack() == Attempts.Ack.ACKED)
                .findFirst();
    }

    /** Its write whose outcome is unknown, if any (then its last). */
    synchronized java.util.Optional<Write> unknownWrite() {
        return writes.stream().filter(w -> w.ack() == Attempts.Ack.UNKNOWN).findFirst();
    }

    /** Lines of its last acknowledged revision. */
    synchronized int lastLines() {
        return writes.reversed().stream()
                .filter(w -> !w.isDelete() && w.ack() == Attempts.Ack.ACKED)
                .mapToInt(Write::lines)
                .findFirst()
                .orElse(0);
    }

    /** Every marker it ever had, acknowledged or not. */
    synchronized List<String> markers() {
        return writes.stream().filter(w -> !w.isDelete()).map(Write::marker).toList();
    }
}
