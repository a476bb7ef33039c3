package dev.podsearch.chaos;

import java.time.Duration;

/**
 * What became of one fault.
 *
 * @param fault the fault
 * @param restart for a kill: from the kill until the target answered again (for a pause: the pause)
 * @param recovery from the end of the fault (the kill, or the SIGCONT) until a probe uploaded then was searchable;
 *     null when it was not within the probe's deadline
 * @param error why the fault could not be carried out (the target did not start again); null when it was
 * @param from when the fault began (nanoTime)
 * @param until when the target answered again, or the pause ended (nanoTime): the fault was in force in between
 * @param note what else was seen, for the report (a primary kill: which node, how fast a replica was promoted); or
 *     null
 */
record FaultResult(Fault fault, Duration restart, Duration recovery, String error, long from, long until, String note) {

    FaultResult(Fault fault, Duration restart, Duration recovery, String error, long from, long until) {
        this(fault, restart, recovery, error, from, until, null);
    }

    /** Whether something under way from {@code start} to {@code end} (nanoTime) met the fault in force. */
    boolean overlaps(long start, long end) {
        return start <= until && end >= from;
    }

    boolean survived() {
        return error == null && recovery != null;
    }
}
