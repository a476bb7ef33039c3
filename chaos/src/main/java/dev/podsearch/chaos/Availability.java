package dev.podsearch.chaos;

import java.time.Duration;
import java.util.List;
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

    record Request(Kind kind, long started, long ended, boolean answered) {}

    /** The share of requests answered among those under way while a fault was in force. */
    record Share(int answered, int total) {
        double ratio() {
            return total == 0 ? 1.0 : (double) answered / total;
        }
    }

    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** Records a request that started at {@code started} (nanoTime) and ended now with {@code outcome}. */
    void record(Kind kind, long started, Attempts.Outcome outcome) {
        long ended = System.nanoTime();
        boolean answered = outcome.ack() != Attempts.Ack.UNKNOWN && ended - started <= BUDGET.toNanos();
        requests.add(new Request(kind, started, ended, answered));
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

    /** Every request recorded (the tests add their own). */
    List<Request> requests() {
        return requests;
    }
}
