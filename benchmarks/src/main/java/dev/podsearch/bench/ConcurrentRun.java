package dev.podsearch.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code clients} threads send a mix's calls round-robin for a while; latencies in ms. */
final class ConcurrentRun {

    private ConcurrentRun() {}

    static Result drive(HttpClient http, List<Call> calls, int clients, Duration duration) throws InterruptedException {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long begin = System.nanoTime();
        long deadline = begin + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < deadline) {
                    Call call = calls.get(Math.floorMod(next.getAndIncrement(), calls.size()));
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response =
                                http.send(call.request(), HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    latencies.add((System.nanoTime() - start) / 1e6);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(latencies.size(), errors.get(), (System.nanoTime() - begin) / 1e9, latencies, 0);
    }
}
