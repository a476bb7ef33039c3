package dev.podsearch.bench;

import java.util.ArrayList;
import java.util.List;

/** Calls made, failed, time spent, each call's latency (ms), and the answers' bytes (where counted). */
record Result(int count, int errors, double seconds, List<Double> latencies, long bytes) {

    Result plus(Result other) {
        List<Double> all = new ArrayList<>(latencies);
        all.addAll(other.latencies());
        return new Result(
                count + other.count(), errors + other.errors(), seconds + other.seconds(), all, bytes + other.bytes());
    }

    double kilobytesPerAnswer() {
        return bytes / 1024.0 / Math.max(1, count);
    }

    double throughput() {
        return count / seconds;
    }

    double p(double percentile) {
        return Stats.percentile(latencies, percentile);
    }
}
