package dev.podsearch.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One crash test: starts the system, streams uploads, injects the planned faults at their times (each followed by its
 * recovery probe), streams on until the run's time is up, then waits for the system to settle and judges every
 * episode through the public API.
 */
public final class ChaosRun {

    /** How long one write is retried before its outcome counts as unknown. */
    static final Duration WRITE_DEADLINE = Duration.ofSeconds(60);
    /** How long a fault's probe may take to become searchable. */
    static final Duration PROBE_DEADLINE = Duration.ofMinutes(4);
    /** Two streams, each with episodes of its own, so one write held up by a fault does not stop all writing. */
    static final int STREAMS = 2;

    private ChaosRun() {}

    public static ChaosReport run(Path repo, ChaosOptions options) throws InterruptedException {
        List<Fault> plan = options.rolling() ? RollingPlan.of(options) : FaultPlan.of(options);
        log(
                "seed %d: %d faults over %d s, %.1f writes/s",
                options.seed(), plan.size(), options.duration().toSeconds(), options.uploadsPerSecond());
        plan.forEach(f -> log("  planned #%d at %3d s: %s%s", f.number(), f.at().toSeconds(), f.describe(), with(f)));
        long started = System.nanoTime();
        try (ChaosSystem system = ChaosSystem.start(repo, options.workDir(), options.cluster())) {
            Api api = new Api(
                    system::ingestUrl,
                    system::ingestManagementUrl,
                    system::queryUrl,
                    system.adminKey(),
                    options.clientTimeout());
            Ledger ledger = new Ledger(Long.toString(options.seed(), 36) + "-" + System.currentTimeMillis() % 100_000);
            Availability availability = new Availability();
            List<UploadStream> streams = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                UploadStream stream = new UploadStream(
                        api,
                        ledger,
                        options.seed() * 31 + i,
                        options.uploadsPerSecond() / STREAMS,
                        WRITE_DEADLINE,
                        system.dropDir(),
                        availability);
                streams.add(stream);
                threads.add(Thread.ofPlatform().name("upload-stream-" + i).start(stream));
            }
            SearchLoad searches = new SearchLoad(api, ledger, availability, options.seed() * 13);
            threads.add(Thread.ofPlatform().name("search-load").start(searches));
            long streamStart = System.nanoTime();
            FaultInjector injector =
                    new FaultInjector(system, new RecoveryProbe(api, ledger, options.seed() * 17, PROBE_DEADLINE));
            List<FaultResult> results = new ArrayList<>();
            for (Fault fault : plan) {
                waitUntil(streamStart, fault.at());
                log("#%d %s%s", fault.number(), fault.describe(), with(fault));
                for (FaultResult result : injector.inject(fault)) {
                    results.add(result);
                    log("#%d %s: %s", fault.number(), result.fault().describe(), ChaosReport.outcome(result));
                }
                if (options.rolling() && !results.getLast().survived()) {
                    // as an operator would: a node not back in sync stops the rollout before it takes a second copy
                    log("#%d not back in sync: the rolling restart stops here", fault.number());
                    break;
                }
            }
            waitUntil(streamStart, options.duration());
            streams.forEach(UploadStream::stop);
            searches.stop();
            for (Thread thread : threads) {
                thread.join();
            }
            log(
                    "stream stopped: %d writes acknowledged; waiting for the system to settle (at most %d s)",
                    ledger.count(Attempts.Ack.ACKED), options.settle().toSeconds());
            long settleStart = System.nanoTime();
            Settling settling = new Settling(api, system.dropDir());
            boolean settled = settling.until(ledger.episodes(), options.settle());
            Duration settleTime = Duration.ofNanos(System.nanoTime() - settleStart);
            boolean outboxEmpty = outboxEmpty(settling);
            log(
                    "%s after %d s; judging %d episodes",
                    settled ? "settled" : "NOT settled",
                    settleTime.toSeconds(),
                    ledger.episodes().size());
            Judgement judgement = new Judgement(new Verifier(api, new PoisonCheck(api, system.dropDir())));
            var verdicts = judgement.judgeAll(ledger.episodes());
            return new ChaosReport(
                    options,
                    results,
                    ledger,
                    verdicts,
                    settled,
                    settleTime,
                    outboxEmpty,
                    Duration.ofNanos(System.nanoTime() - started),
                    availability);
        }
    }

    private static String with(Fault fault) {
        return fault.with() == null ? "" : " + " + fault.with().describe();
    }

    private static boolean outboxEmpty(Settling settling) {
        try {
            return settling.outboxEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static void waitUntil(long since, Duration offset) throws InterruptedException {
        long wait = since + offset.toNanos() - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait)); // the plan's schedule
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[chaos %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }
}
