package dev.podsearch.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Warms a service path until its JIT compilers have settled (at least three rounds, at most thirty): a service in
 * production has long compiled its request paths, and measuring before that measures the compiler.
 */
final class QueryWarmup {

    private QueryWarmup() {}

    static JitActivity.Warmup untilSettled(
            String name, HttpClient http, List<Call> calls, int clients, Duration round, JitActivity jit)
            throws Exception {
        return jit.warmUntilSettled(name, 3, 30, () -> {
            Result result = ConcurrentRun.drive(http, calls, clients, round);
            return new JitActivity.Ran(result.seconds(), String.format(Locale.ROOT, "%.0f req/s", result.throughput()));
        });
    }

    /** How long a path was warmed, and how busy the JIT compilers still were in its last round. */
    static String describe(JitActivity.Warmup warmup) {
        return String.format(
                Locale.ROOT,
                "%d s (compilers at %.1f %% of a core in the last round%s)",
                warmup.took().toSeconds(),
                100 * warmup.lastShare(),
                warmup.settled() ? "" : ", not settled");
    }
}
