package dev.podsearch.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Whether the system answered while faults were in force: every upload, delete and search of the run, when it
 * started and ended (a request counts for a fault when the two overlap, in flight at the kill included) and whether it
 * was answered within {@link #BUDGET} (a client that tries again, on the other instance in a
 * cluster, is allowed: one call plus its retries is one request). A refusal (4xx) is an answer; a request still without
 * one after the budget is not, whatever came later.
 */
final class Availability {

    /** How long one request may take, its retries included, to count as answered. */
    static final Duration BUDGET = Duration.ofSeconds(10);

    enum Kind {
        WRITE,
        SEARCH
    }

    /**
     * One request; {@code late}: it got an answer, but after the budget (slow, not refused or lost); {@code trail}: its
     * tries (which instance, what came back, after how long).
     */
    record Request(Kind kind, long started, long ended, boolean answered, boolean late, List<String> trail) {

        Request(Kind kind, long started, long ended, boolean answered, boolean late) {
            this(kind, started, ended, answered, late, List.of());
        }

        Request(Kind kind, long started, long ended, boolean answered) {
            this(kind, started, ended, answered, false);
        }
    }

    /** The share of requests answered among those under way while a fault was in force. */
    record Share(int answered, int total) {
        double ratio() {
            return total == 0 ? 1.0 : (double) answered / total;
        }
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final long start = System.nanoTime(); // made as the load begins

    /** Records a request that started at {@code started} (nanoTime) and ended now with {@code outcome}. */
    void record(Kind kind, long started, Attempts.Outcome outcome) {
        long ended = System.nanoTime();
        boolean acknowledged = outcome.ack() != Attempts.Ack.UNKNOWN;
        boolean inTime = ended - started <= BUDGET.toNanos();
        requests.add(
                new Request(kind, started, ended, acknowledged && inTime, acknowledged && !inTime, outcome.trail()));
    }

    Share during(Kind kind, List<FaultResult> faults) {
        int answered = 0;
        int total = 0;
        for (Request request : requests) {
            if (request.kind() != kind
                    || faults.stream().noneMatch(fault -> fault.overlaps(request.started(), request.ended()))) {
                continue;
            }
            total++;
            answered += request.answered() ? 1 : 0;
        }
        return new Share(answered, total);
    }

    /** The share of requests of a kind answered over the whole run (a rolling restart's measure). */
    Share overall(Kind kind) {
        int answered = 0;
        int total = 0;
        for (Request request : requests) {
            if (request.kind() == kind) {
                total++;
                answered += request.answered() ? 1 : 0;
            }
        }
        return new Share(answered, total);
    }

    /**
     * The requests not answered within the budget, by the fault (or rolling step) under way while they ran: one line
     * per fault that met any, then those that met none; each says how many got an answer only later (slow) and how
     * many none at all.
     */
    List<String> unansweredBySteps(List<FaultResult> faults) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Request request : requests) {
            if (request.answered()) {
                continue;
            }
            List<FaultResult> met = faults.stream()
                    .filter(fault -> fault.overlaps(request.started(), request.ended()))
                    .toList();
            List<String> keys = met.isEmpty()
                    ? List.of("outside any fault")
                    : met.stream()
                            .map(f -> "#" + f.fault().number() + " " + f.fault().describe())
                            .toList();
            for (String key : keys) {
                int[] count = counts.computeIfAbsent(key, k -> new int[3]);
                count[request.kind() == Kind.WRITE ? 0 : 1]++;
                count[2] += request.late() ? 1 : 0;
            }
        }
        List<String> lines = new ArrayList<>();
        counts.forEach((key, count) -> lines.add(String.format(
                Locale.ROOT,
                "%s: %d writes, %d searches (%d answered later, %d never)",
                key,
                count[0],
                count[1],
                count[2],
                count[0] + count[1] - count[2])));
        return lines;
    }

    /**
     * The requests not answered within the budget, at most {@code limit}, each as its kind, when it started (seconds
     * after the load began), how it ended (answered after how long, or never) and its tries: what the client met,
     * instance by instance.
     */
    List<String> unansweredTrails(int limit) {
        return requests.stream()
                .filter(request -> !request.answered())
                .limit(limit)
                .map(request -> String.format(
                        Locale.ROOT,
                        "%s at %.1f s, %s: %s",
                        request.kind().name().toLowerCase(Locale.ROOT),
                        (request.started() - start) / 1e9,
                        request.late()
                                ? String.format(
                                        Locale.ROOT,
                                        "answered after %.1f s",
                                        (request.ended() - request.started()) / 1e9)
                                : "never answered",
                        request.trail().isEmpty() ? "no tries noted" : String.join("; ", request.trail())))
                .toList();
    }

    /** Every request recorded (the tests add their own). */
    List<Request> requests() {
        return requests;
    }
}
