package dev.podsearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How much CPU a JVM's JIT compiler threads have used, read from Linux's {@code /proc/<pid>/task/<tid>/stat}. A
 * service is warm when its compilers have gone quiet: until then they take CPU from the requests being measured (on
 * this machine's 2 cores, a third of the service's CPU minutes after start), and the code they have not compiled yet
 * runs slower. Of several instances of a service, the compilers of all of them, as a share of a core per instance.
 */
final class JitActivity {

    /** Below this share of one core, a JVM's compilers are taken as settled. */
    static final double SETTLED = 0.03;

    private final List<Path> tasks;

    JitActivity(List<Long> pids) {
        this.tasks = pids.stream()
                .map(pid -> Path.of("/proc", Long.toString(pid), "task"))
                .toList();
    }

    /** One warm-up round: drives the service, returns how long it ran and its rate as printed. */
    interface Round {
        Ran run() throws Exception;
    }

    /** A round's wall time in seconds and its rate, e.g. {@code "5400 docs/s"}. */
    record Ran(double seconds, String rate) {}

    /** How many rounds a warm-up took and how long, and how busy the compilers still were in the last one. */
    record Warmup(int rounds, Duration took, double lastShare, boolean settled) {}

    /**
     * Runs rounds until the compilers have settled ({@link #SETTLED}; at least {@code minRounds}, at most {@code
     * maxRounds}; where they cannot be read, {@code minRounds}), printing each round: a service in production has long
     * compiled its hot paths, and a benchmark that measures it while it still compiles measures the compiler.
     */
    Warmup warmUntilSettled(String name, int minRounds, int maxRounds, Round round) throws Exception {
        long start = System.nanoTime();
        double share = Double.NaN;
        for (int i = 1; i <= maxRounds; i++) {
            double before = cpuSeconds();
            Ran ran = round.run();
            share = (cpuSeconds() - before) / ran.seconds() / tasks.size();
            System.err.printf(
                    Locale.ROOT,
                    "[bench] warm-up %s round %d: %s, its JIT compilers at %.1f %% of a core%s%n",
                    name,
                    i,
                    ran.rate(),
                    100 * share,
                    tasks.size() > 1 ? " per instance" : "");
            if (i >= minRounds && (!readable() || share < SETTLED)) {
                return new Warmup(i, Duration.ofNanos(System.nanoTime() - start), share, true);
            }
        }
        return new Warmup(maxRounds, Duration.ofNanos(System.nanoTime() - start), share, false);
    }

    /** Whether the compiler threads can be read here (Linux, same user or root). */
    boolean readable() {
        return tasks.stream().allMatch(Files::isDirectory);
    }

    /** CPU seconds (user + system) the compiler threads have used so far, of all instances; 0 where unreadable. */
    double cpuSeconds() {
        if (!readable()) {
            return 0;
        }
        long ticks = 0;
        for (Path process : tasks) {
            try (Stream<Path> threads = Files.list(process)) {
                ticks += threads.mapToLong(JitActivity::compilerTicks).sum();
            } catch (IOException e) {
                return 0;
            }
        }
        return ticks * Cpu.SECONDS_PER_TICK;
    }

    /** How many processes are read: the share of {@link #warmUntilSettled} is per process. */
    int processes() {
        return tasks.size();
    }

    /** The thread's user + system ticks if it is a compiler thread ("C1 CompilerThre", "C2 CompilerThre"). */
    private static long compilerTicks(Path thread) {
        try {
            String stat = Files.readString(thread.resolve("stat"));
            return Cpu.name(stat).contains("CompilerThre") ? Cpu.ticks(stat) : 0;
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended while being read
        }
    }
}
