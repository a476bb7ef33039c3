package dev.podsearch.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a crash-test run does: how long it streams uploads, how many faults it injects, its seed.
 *
 * @param duration how long uploads stream and faults are spread over (the run goes on until every fault was made)
 * @param faults how many faults to inject
 * @param seed the seed of everything random (fault plan, upload mix): the same seed, the same plan
 * @param uploadsPerSecond the steady rate of the upload stream (new episodes, revisions, deletes, poison)
 * @param pause how long a paused component stays frozen (SIGSTOP); longer than the client timeout
 * @param clientTimeout how long one call waits for an answer before it is retried
 * @param settle how long the system may take to settle after the last fault before it is judged
 * @param workDir where the run keeps its logs, drop folder and key
 * @param cluster three Kafka and three OpenSearch nodes and two instances of each service; a fault hits one node or
 *     instance and keeps it down for {@code pause} before starting it again, and the report gives the share of uploads
 *     and searches answered while a fault was in force
 * @param rolling instead of faults, a rolling restart of the cluster ({@link RollingPlan}); needs {@code cluster}, and
 *     passes only when no request failed beyond a client's retries
 */
public record ChaosOptions(
        Duration duration,
        int faults,
        long seed,
        double uploadsPerSecond,
        Duration pause,
        Duration clientTimeout,
        Duration settle,
        Path workDir,
        boolean cluster,
        boolean rolling) {

    static final String USAGE = "usage: ./podsearch chaos [--minutes 20] [--faults 50] [--seed N] [--rate 2]"
            + " [--pause-seconds 12] [--settle-minutes 5] [--cluster [--rolling]]";

    /** A run on the single-node stack with one instance of each service. */
    public ChaosOptions(
            Duration duration,
            int faults,
            long seed,
            double uploadsPerSecond,
            Duration pause,
            Duration clientTimeout,
            Duration settle,
            Path workDir) {
        this(duration, faults, seed, uploadsPerSecond, pause, clientTimeout, settle, workDir, false, false);
    }

    public ChaosOptions {
        if (faults < 0 || uploadsPerSecond <= 0 || duration.isNegative()) {
            throw new IllegalArgumentException("faults >= 0, rate > 0 and minutes >= 0, please");
        }
        if (pause.compareTo(clientTimeout) <= 0) {
            throw new IllegalArgumentException("a pause must be longer than the client timeout (" + clientTimeout
                    + "), or it tests nothing a timeout would notice");
        }
        if (rolling && !cluster) {
            throw new IllegalArgumentException("--rolling restarts the nodes of a cluster: add --cluster");
        }
    }

    public static ChaosOptions parse(String[] args, Path workDir) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        double minutes = Double.parseDouble(take(rest, "--minutes", "20"));
        int faults = Integer.parseInt(take(rest, "--faults", "50"));
        long seed = Long.parseLong(take(rest, "--seed", Long.toString(System.currentTimeMillis() % 100_000)));
        double rate = Double.parseDouble(take(rest, "--rate", "2"));
        long pause = Long.parseLong(take(rest, "--pause-seconds", "12"));
        double settle = Double.parseDouble(take(rest, "--settle-minutes", "5"));
        boolean cluster = rest.remove("--cluster");
        boolean rolling = rest.remove("--rolling");
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("unknown arguments " + rest + "\n" + USAGE);
        }
        return new ChaosOptions(
                Duration.ofMillis((long) (minutes * 60_000)),
                faults,
                seed,
                rate,
                Duration.ofSeconds(pause),
                Duration.ofSeconds(5),
                Duration.ofMillis((long) (settle * 60_000)),
                rolling ? workDir.resolveSibling(workDir.getFileName() + "-rolling") : workDir, // may run beside
                cluster,
                rolling);
    }

    private static String take(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        if (at < 0) {
            return fallback;
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
        }
        String value = args.get(at + 1);
        args.remove(at + 1);
        args.remove(at);
        return value;
    }
}
