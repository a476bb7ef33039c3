package dev.podsearch.chaos;

import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The figures of a run, and whether it passed: every fault survived, nothing lost, duplicated or stale. */
public record ChaosReport(
        ChaosOptions options,
        List<FaultResult> faults,
        Ledger ledger,
        Map<Episode, Verdict> verdicts,
        boolean settled,
        Duration settleTime,
        boolean outboxEmpty,
        Duration total,
        Availability availability) {

    /** The cluster's target: with one node or instance of a component down, this share answered. */
    static final double AVAILABILITY_TARGET = 0.99;

    /**
     * Writes (uploads, deletes) that started while a fault was in force and were answered in time. PostgreSQL's faults
     * are left out: it is one server here (as CloudNativePG's primary is one), so while it is down nothing can be
     * written; {@link #print} shows those apart.
     */
    public Availability.Share writesDuringFaults() {
        return availability.during(Availability.Kind.WRITE, replicated());
    }

    /** Searches that started while a fault was in force and were answered in time (PostgreSQL's faults left out). */
    public Availability.Share searchesDuringFaults() {
        return availability.during(Availability.Kind.SEARCH, replicated());
    }

    private List<FaultResult> replicated() {
        return faults.stream()
                .filter(r -> r.fault().target() != Target.POSTGRES)
                .toList();
    }

    public int faultsSurvived() {
        return (int) faults.stream().filter(FaultResult::survived).count();
    }

    public int faultsInjected() {
        return faults.size();
    }

    public int acknowledged() {
        return ledger.count(Attempts.Ack.ACKED);
    }

    public int unknown() {
        return ledger.count(Attempts.Ack.UNKNOWN);
    }

    public int refused() {
        return ledger.count(Attempts.Ack.REFUSED);
    }

    int count(Verdict.Kind kind) {
        return (int) verdicts.values().stream().filter(v -> v.kind() == kind).count();
    }

    public int lost() {
        return count(Verdict.Kind.LOST);
    }

    public int duplicated() {
        return count(Verdict.Kind.DUPLICATED);
    }

    public int stale() {
        return count(Verdict.Kind.STALE);
    }

    /** Poison that ended as it must (FAILED with its reason, or in failed/ with its problem). */
    public int poisonOk() {
        return count(Verdict.Kind.POISON_OK);
    }

    public int poisonWrong() {
        return count(Verdict.Kind.POISON_WRONG);
    }

    /** Which kinds of fault were made and survived, by target and kind ("kill -9 kafka"). */
    public List<String> survivedKinds() {
        return faults.stream()
                .filter(FaultResult::survived)
                .map(r -> r.fault().kind() + " " + r.fault().target())
                .distinct()
                .toList();
    }

    /** On the cluster: writes and searches answered while one node or instance was down, at least the target. */
    public boolean availabilityMet() {
        return writesDuringFaults().ratio() >= AVAILABILITY_TARGET
                && searchesDuringFaults().ratio() >= AVAILABILITY_TARGET;
    }

    /** Requests (writes, searches) over the whole run not answered within the budget, retries included. */
    public int failedRequests() {
        int failed = 0;
        for (Availability.Kind kind : Availability.Kind.values()) {
            Availability.Share share = availability.overall(kind);
            failed += share.total() - share.answered();
        }
        return failed;
    }

    /** The steps a rolling restart did not make: it stops at a node that did not come back in sync. */
    public int stepsNotMade() {
        return options.rolling() ? RollingPlan.of(options).size() - faults.size() : 0;
    }

    public boolean passed() {
        return faultsSurvived() == faultsInjected()
                && stepsNotMade() == 0
                && (!options.cluster() || (options.rolling() ? failedRequests() == 0 : availabilityMet()))
                && lost() == 0
                && duplicated() == 0
                && stale() == 0
                && poisonWrong() == 0
                && refused() == 0
                && outboxEmpty;
    }

    /** Whether the result is of the second fault of an overlapping pair (in force with the one above it). */
    private boolean second(FaultResult result) {
        return faults.stream().anyMatch(o -> result.fault().equals(o.fault().with()));
    }

    static String outcome(FaultResult result) {
        if (result.error() != null) {
            return "NOT carried out: " + result.error();
        }
        return result.recovery() == null
                ? String.format("probe NOT searchable in time (target back after %.1f s)", seconds(result.restart()))
                : String.format(
                        "back after %.1f s, probe searchable %.1f s after the fault ended",
                        seconds(result.restart()), seconds(result.recovery()));
    }

    public void print(PrintStream out) {
        out.println();
        out.printf(
                "chaos: seed %d, %d s of uploads at %.1f/s, %d faults, run took %d s%n",
                options.seed(),
                options.duration().toSeconds(),
                options.uploadsPerSecond(),
                faultsInjected(),
                total.toSeconds());
        out.println("  #  at(s)  fault                                        back(s)  recovered(s)");
        for (FaultResult r : faults) {
            out.printf(
                    "%3s %6d  %-44s %7.1f  %s%n",
                    (second(r) ? "+" : "") + r.fault().number(),
                    r.fault().at().toSeconds(),
                    r.fault().describe(),
                    seconds(r.restart()),
                    r.recovery() == null
                            ? "NOT RECOVERED" + (r.error() == null ? "" : ": " + r.error())
                            : String.format("%12.1f", seconds(r.recovery())));
            if (r.note() != null) {
                out.printf("%12s%s%n", "", r.note());
            }
        }
        List<Double> recoveries = faults.stream()
                .map(FaultResult::recovery)
                .filter(Objects::nonNull)
                .map(ChaosReport::seconds)
                .sorted()
                .toList();
        if (!recoveries.isEmpty()) {
            out.printf(
                    "recovery (s): min %.1f, median %.1f, max %.1f%n",
                    recoveries.getFirst(), recoveries.get(recoveries.size() / 2), recoveries.getLast());
        }
        Map<Verdict.Kind, Integer> byKind = new EnumMap<>(Verdict.Kind.class);
        verdicts.values().forEach(v -> byKind.merge(v.kind(), 1, Integer::sum));
        out.printf("faults survived        %d of %d%n", faultsSurvived(), faultsInjected());
        if (stepsNotMade() > 0) {
            out.printf("rolling restart        stopped: %d of its steps not made%n", stepsNotMade());
        }
        out.printf(
                "writes acknowledged    %d %s (unknown outcome %d, refused %d)%n",
                acknowledged(), ledger.acknowledgedByKind(), unknown(), refused());
        out.printf("episodes judged        %d: %s%n", verdicts.size(), byKind);
        new AvailabilityLines(this).print(out);
        out.printf(
                "lost %d, duplicated %d, stale %d, poison not failed %d%n",
                lost(), duplicated(), stale(), poisonWrong());
        out.printf(
                "settled                %s in %d s; outbox empty: %s%n",
                settled ? "yes" : "NO", settleTime.toSeconds(), outboxEmpty);
        verdicts.forEach((episode, verdict) -> {
            if (verdict.bad()) {
                out.printf("  %s %s (%s): %s%n", verdict.kind(), episode.externalId(), episode.id(), verdict.detail());
            }
        });
        out.println(passed() ? "PASSED" : "FAILED");
    }

    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
