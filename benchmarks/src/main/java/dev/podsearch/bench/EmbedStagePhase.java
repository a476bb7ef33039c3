package dev.podsearch.bench;

import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.search.Indices;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * {@code bench index}, the embed stage: index-service starts again with its embed stage on, which finds every
 * indexing outcome of the keyword run still to embed. Measured in one go: the keyword path while the stage works
 * beside it on the same two cores (against the keyword run without it), then how long the stage takes to drain its
 * lag, its passages per CPU-second (per core), and the service's memory with the model loaded.
 */
final class EmbedStagePhase {

    private EmbedStagePhase() {}

    record Result(
            IndexPaths.Measured keywordShared,
            double drainSeconds,
            double passages,
            double stageCpuSeconds,
            double serviceCpuSeconds,
            int instances,
            long rssKeywordOnly,
            long rssWithModel) {}

    static Result run(
            BenchStack stack,
            Map<String, String> properties,
            Engine engine,
            KafkaProducer<String, byte[]> producer,
            Announcements announcements,
            List<TranscriptEvent> keywordEvents,
            long rssKeywordOnly)
            throws Exception {
        Map<String, String> withStage = new java.util.HashMap<>(properties);
        withStage.put("embedder.enabled", "true");
        long started = System.nanoTime();
        try (Instances indexers = stack.start("index-service", "index-service-embed", withStage)) {
            System.err.printf(
                    "[bench] embed stage: on in %s, draining the keyword run's outcomes%n", indexers.describe());
            double serviceCpu = indexers.cpuSeconds();
            engine.refresh(Indices.MOMENTS + "," + Indices.EPISODES);
            long documents = engine.count(Indices.MOMENTS) + engine.count(Indices.EPISODES);
            // the keyword path with the stage busy beside it
            IndexPaths.Measured shared = IndexPaths.service(engine, producer, announcements, keywordEvents, documents)
                    .measured();
            Set<String> last = new HashSet<>();
            keywordEvents.forEach(event -> last.add(event.episodeId()));
            announcements.awaitEmbedded(last, Duration.ofMinutes(60));
            ServiceMetrics metrics = indexers.metrics();
            while (metrics.get("podsearch_consumer_lag") > 0) { // the embed stages' and the (idle) indexers'
                Thread.sleep(500);
                metrics = indexers.metrics();
            }
            double drain = (System.nanoTime() - started) / 1e9;
            return new Result(
                    shared,
                    drain,
                    metrics.get("podsearch_index_embed_passages_total"),
                    indexers.threadSeconds("embed-consumer"),
                    indexers.cpuSeconds() - serviceCpu,
                    indexers.count(),
                    rssKeywordOnly,
                    indexers.meanRss());
        }
    }

    /** CPU seconds the threads of a process whose names start with {@code prefix} have used. */
    static double threadSeconds(long pid, String prefix) throws IOException {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String stat = Files.readString(task.resolve("stat"));
                if (Cpu.name(stat).startsWith(prefix)) {
                    ticks += Cpu.ticks(stat);
                }
            }
        }
        return ticks * Cpu.SECONDS_PER_TICK;
    }

    /** Resident memory of a process, in bytes ({@code VmRSS}); 0 where it cannot be read. */
    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    static void print(Result result, IndexPaths.Measured keywordAlone) {
        System.out.printf(
                Locale.ROOT,
                "  embed     keyword path beside the stage  %9.0f docs/s  (%.2f of the keyword path alone)%n",
                result.keywordShared().docsPerSecond(),
                result.keywordShared().docsPerSecond() / keywordAlone.docsPerSecond());
        System.out.printf(
                Locale.ROOT,
                "            %s drained %.0f passages in %.1f s: %.1f passages/s, %.1f per CPU-second of %s"
                        + " thread (per core); index-service used %.2f cores meanwhile%n",
                result.instances() == 1 ? "stage" : result.instances() + " stages (one per instance)",
                result.passages(),
                result.drainSeconds(),
                result.passages() / result.drainSeconds(),
                result.passages() / Math.max(0.01, result.stageCpuSeconds()),
                result.instances() == 1 ? "its" : "their",
                result.serviceCpuSeconds() / result.drainSeconds());
        System.out.printf(
                Locale.ROOT,
                "            index-service RSS%s: %d MB keyword only, %d MB with the model loaded and drained%n",
                result.instances() == 1 ? "" : " (mean of " + result.instances() + " instances)",
                result.rssKeywordOnly() / (1024 * 1024),
                result.rssWithModel() / (1024 * 1024));
        System.out.printf(
                Locale.ROOT,
                "  target    embed stage >= 60 passages per core: %s%n",
                result.passages() / Math.max(0.01, result.stageCpuSeconds()) >= 60 ? "MET" : "NOT MET");
    }
}
