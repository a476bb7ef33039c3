package dev.podsearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podsearch.search.Indices;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** What the engine is doing: waiting for its merges to settle, sampling its moments index, node stats compared. */
final class EngineWatch {

    private EngineWatch() {}

    /**
     * Waits at least 15 s, and until the engine has had no merge running for three polls in a row (at most two
     * minutes): the merges left by the throughput run would otherwise run during the freshness run.
     */
    static void settle(Engine engine) throws Exception {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(2).toNanos();
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            long merging = engine.call("GET", "/_stats/merge", null)
                    .path("_all")
                    .path("total")
                    .path("merges")
                    .path("current")
                    .asLong();
            quiet = merging == 0 ? quiet + 1 : 0;
            if (quiet >= 3
                    && System.nanoTime() - start >= Duration.ofSeconds(15).toNanos()) {
                break;
            }
            Thread.sleep(1000);
        }
        System.err.printf(
                "[bench] settled for %.0f s (merges done: %s)%n", (System.nanoTime() - start) / 1e9, quiet >= 3);
    }

    /**
     * Samples the engine's moments index every 250 ms into {@code freshness-engine.tsv} (a timeline to read the tail
     * against: refreshes, merges, indexing throttle).
     */
    static void sample(Engine engine, Path logs) {
        long start = System.nanoTime();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(logs.resolve("freshness-engine.tsv")))) {
            out.println("seconds\trefreshes\trefresh_ms\tmerging\tmerging_docs\tmerges\tmerge_ms\tthrottled_ms"
                    + "\tsegments\tdocs");
            while (!Thread.currentThread().isInterrupted()) {
                JsonNode total = engine.call(
                                "GET",
                                "/" + Indices.MOMENTS
                                        + "/_stats/refresh,merge,indexing,segments,docs?filter_path=_all.total",
                                null)
                        .at("/_all/total");
                out.printf(
                        Locale.ROOT,
                        "%.2f\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d%n",
                        (System.nanoTime() - start) / 1e9,
                        total.at("/refresh/total").asLong(),
                        total.at("/refresh/total_time_in_millis").asLong(),
                        total.at("/merges/current").asLong(),
                        total.at("/merges/current_docs").asLong(),
                        total.at("/merges/total").asLong(),
                        total.at("/merges/total_time_in_millis").asLong(),
                        total.at("/indexing/throttle_time_in_millis").asLong(),
                        total.at("/segments/count").asLong(),
                        total.at("/docs/count").asLong());
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("[bench] engine sampler: " + e);
        }
    }

    static JsonNode stats(Engine engine) throws Exception {
        return engine.call("GET", "/_nodes/_local/stats/jvm,indices,process,thread_pool", null)
                .path("nodes")
                .elements()
                .next();
    }

    /** What the engine did between two node stats: refreshes, merges, flushes, garbage collection, CPU. */
    static String work(JsonNode before, JsonNode after) {
        StringBuilder work = new StringBuilder();
        for (String what : List.of("refresh", "merges", "flush")) {
            JsonNode a = after.path("indices").path(what);
            JsonNode b = before.path("indices").path(what);
            work.append(String.format(
                    Locale.ROOT,
                    "%s %d (%d ms), ",
                    what,
                    a.path("total").asLong() - b.path("total").asLong(),
                    a.path("total_time_in_millis").asLong()
                            - b.path("total_time_in_millis").asLong()));
        }
        JsonNode indices = after.path("indices");
        JsonNode earlier = before.path("indices");
        work.append(String.format(
                Locale.ROOT,
                "merges throttled %d ms, stopped %d ms, indexing throttled %d ms, segments %d -> %d, "
                        + "refresh threads %d, ",
                indices.at("/merges/total_throttled_time_in_millis").asLong()
                        - earlier.at("/merges/total_throttled_time_in_millis").asLong(),
                indices.at("/merges/total_stopped_time_in_millis").asLong()
                        - earlier.at("/merges/total_stopped_time_in_millis").asLong(),
                indices.at("/indexing/throttle_time_in_millis").asLong()
                        - earlier.at("/indexing/throttle_time_in_millis").asLong(),
                earlier.at("/segments/count").asLong(),
                indices.at("/segments/count").asLong(),
                after.at("/thread_pool/refresh/largest").asLong()));
        after.path("jvm").path("gc").path("collectors").fieldNames().forEachRemaining(name -> {
            JsonNode a = after.path("jvm").path("gc").path("collectors").path(name);
            JsonNode b = before.path("jvm").path("gc").path("collectors").path(name);
            work.append(String.format(
                    Locale.ROOT,
                    "gc %s %d (%d ms), ",
                    name,
                    a.path("collection_count").asLong()
                            - b.path("collection_count").asLong(),
                    a.path("collection_time_in_millis").asLong()
                            - b.path("collection_time_in_millis").asLong()));
        });
        long cpu = after.path("process").path("cpu").path("total_in_millis").asLong()
                - before.path("process").path("cpu").path("total_in_millis").asLong();
        long wall = after.path("timestamp").asLong() - before.path("timestamp").asLong();
        work.append(String.format(Locale.ROOT, "CPU %.2f cores", cpu / (double) Math.max(1, wall)));
        return work.toString();
    }
}
