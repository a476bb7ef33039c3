package dev.podsearch.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One client sends each search to two paths back to back, alternating which goes first, so both see the same engine
 * state (medians of a mix spanning 10-200 ms otherwise drift by several ms between runs). The answers of each path are
 * read into its {@link Answers} after their latency was taken.
 */
final class PairedRun {

    private PairedRun() {}

    /** The pairs round-robin for the duration. */
    static Result[] forDuration(
            HttpClient http, List<Call> first, List<Call> second, Duration duration, Answers[] answers)
            throws InterruptedException {
        return run(http, first, second, Integer.MAX_VALUE, System.nanoTime() + duration.toNanos(), answers);
    }

    /** Each pair once, in order (for searches that must be new to the service). */
    static Result[] once(HttpClient http, List<Call> first, List<Call> second, Answers[] answers)
            throws InterruptedException {
        return run(http, first, second, first.size(), Long.MAX_VALUE, answers);
    }

    private static Result[] run(
            HttpClient http, List<Call> first, List<Call> second, int pairs, long deadline, Answers[] answers)
            throws InterruptedException {
        List<List<Double>> latencies = List.of(new ArrayList<>(), new ArrayList<>());
        int[] errors = new int[2];
        double[] seconds = new double[2];
        long[] bytes = new long[2];
        for (int i = 0; i < pairs && System.nanoTime() < deadline; i++) {
            int query = i % first.size();
            // round-robin: alternate per round of the mix; each pair once: alternate per pair
            boolean firstFirst = pairs == first.size() ? i % 2 == 0 : (i / first.size()) % 2 == 0;
            for (int side : firstFirst ? new int[] {0, 1} : new int[] {1, 0}) {
                Call call = (side == 0 ? first : second).get(query);
                long start = System.nanoTime();
                try {
                    HttpResponse<byte[]> response = http.send(call.request(), HttpResponse.BodyHandlers.ofByteArray());
                    double ms = (System.nanoTime() - start) / 1e6;
                    seconds[side] += ms / 1000;
                    if (response.statusCode() != 200) {
                        errors[side]++;
                    } else {
                        latencies.get(side).add(ms);
                        bytes[side] += response.body().length;
                        answers[side].read(response);
                    }
                } catch (IOException e) {
                    errors[side]++;
                }
            }
        }
        return new Result[] {
            new Result(latencies.get(0).size(), errors[0], seconds[0], latencies.get(0), bytes[0]),
            new Result(latencies.get(1).size(), errors[1], seconds[1], latencies.get(1), bytes[1])
        };
    }
}
