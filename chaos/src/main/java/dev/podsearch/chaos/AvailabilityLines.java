package dev.podsearch.chaos;

import java.io.PrintStream;
import java.util.List;

/** The availability part of a run's report: the shares answered while faults were in force, or over a rolling run. */
final class AvailabilityLines {

    /** How many unanswered requests the report spells out, try by try. */
    private static final int TRAILS_SHOWN = 12;

    private final ChaosReport report;

    AvailabilityLines(ChaosReport report) {
        this.report = report;
    }

    void print(PrintStream out) {
        Availability.Share writes = report.writesDuringFaults();
        Availability.Share searches = report.searchesDuringFaults();
        out.printf(
                "answered while a fault was in force (under way during it; within %d s, retries included): writes %d of"
                        + " %d (%.1f%%), searches %d of %d (%.1f%%)%n",
                Availability.BUDGET.toSeconds(),
                writes.answered(),
                writes.total(),
                100 * writes.ratio(),
                searches.answered(),
                searches.total(),
                100 * searches.ratio());
        List<FaultResult> postgres = report.faults().stream()
                .filter(r -> r.fault().target() == Target.POSTGRES)
                .toList();
        if (!postgres.isEmpty()) {
            Availability.Share writesPg = report.availability().during(Availability.Kind.WRITE, postgres);
            Availability.Share searchesPg = report.availability().during(Availability.Kind.SEARCH, postgres);
            out.printf(
                    "  left out above, while PostgreSQL (one server) was down: writes %d of %d, searches %d of %d%n",
                    writesPg.answered(), writesPg.total(), searchesPg.answered(), searchesPg.total());
        }
        List<String> unanswered = report.availability().unansweredBySteps(report.faults());
        if (!unanswered.isEmpty()) {
            out.printf("unanswered within %d s, by the fault under way:%n", Availability.BUDGET.toSeconds());
            unanswered.forEach(line -> out.printf("  %s%n", line));
            out.printf("  each (seconds after the load began; its tries: instance, answer, time):%n");
            report.availability().unansweredTrails(TRAILS_SHOWN).forEach(line -> out.printf("    %s%n", line));
        }
        if (report.options().rolling()) {
            Availability.Share allWrites = report.availability().overall(Availability.Kind.WRITE);
            Availability.Share allSearches = report.availability().overall(Availability.Kind.SEARCH);
            out.printf(
                    "failed beyond a client's retries (no answer within %d s) over the whole run: writes %d of %d,"
                            + " searches %d of %d%n",
                    Availability.BUDGET.toSeconds(),
                    allWrites.total() - allWrites.answered(),
                    allWrites.total(),
                    allSearches.total() - allSearches.answered(),
                    allSearches.total());
            out.printf(
                    "target                 %s  no request failed during the rolling restart%n",
                    report.failedRequests() == 0 ? "MET" : "NOT MET");
        } else if (report.options().cluster()) {
            out.printf(
                    "target                 %s  >= %.0f%% of writes and searches answered with one node or instance"
                            + " down (two of different components when faults overlap)%n",
                    report.availabilityMet() ? "MET" : "NOT MET", 100 * ChaosReport.AVAILABILITY_TARGET);
        }
    }
}
