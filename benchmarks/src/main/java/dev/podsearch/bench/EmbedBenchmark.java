package dev.podsearch.bench;

import dev.podsearch.embed.Embedder;
import dev.podsearch.embed.ModelKind;
import dev.podsearch.embed.OnnxEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * {@code ./podsearch bench embed}: 80-word passages per second per core for each shipped model, one text per model
 * call against batches of 8, 16 and 32, with {@code embedding.threads=1}; and the query latency.
 */
final class EmbedBenchmark {

    private static final String[] SENTENCES = {
        "So the bullpen had been shaky all month and everybody in the stands knew it.",
        "What surprised me was how quickly the startup pivoted once the funding dried up.",
        "We talked to three farmers who switched to cover crops after the drought.",
        "The city council voted to close the bridge for repairs starting next spring.",
        "Honestly I think the new model is faster but the benchmarks they published are cherry picked.",
        "She told us the recipe came from her grandmother, who never wrote anything down.",
        "If you look at the numbers from the last quarter, inflation is still above target.",
        "Our guest today has spent twenty years studying how memory changes as we age.",
        "The trail climbs about two thousand feet before you reach the first lake.",
        "And then in the ninth inning he just crushed it over the left field wall.",
    };

    private EmbedBenchmark() {}

    static void run(Options options) {
        int passages = options.integer("passages", 192);
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "podsearch-models");
        List<String> texts = passages(passages, new Random(42));
        System.out.printf("%d passages of 80 words, embedding.threads=1, %d cores%n", passages, cores());
        System.out.printf("%-20s %8s %14s %14s %10s%n", "model", "batch", "passages/s", "per core", "query ms");
        for (ModelKind kind : ModelKind.values()) {
            try (OnnxEmbedder warm = OnnxEmbedder.load(kind, cache, 1, 8)) {
                warm.embedPassages(texts.subList(0, 32));
            }
            for (int batch : new int[] {1, 8, 16, 32}) {
                try (OnnxEmbedder embedder = OnnxEmbedder.load(kind, cache, 1, batch)) {
                    embedder.embedPassages(texts.subList(0, Math.min(texts.size(), 2 * batch)));
                    double cpu0 = Cpu.processSeconds(ProcessHandle.current().pid());
                    long t0 = System.nanoTime();
                    embedder.embedPassages(texts);
                    double wall = (System.nanoTime() - t0) / 1e9;
                    double cpu = Cpu.processSeconds(ProcessHandle.current().pid()) - cpu0;
                    System.out.printf(
                            "%-20s %8d %14.1f %14.1f %10.1f%n",
                            kind.configName(),
                            batch,
                            passages / wall,
                            passages / Math.max(cpu, 0.01),
                            queryMillis(embedder));
                }
            }
        }
    }

    private static double queryMillis(Embedder embedder) {
        String[] queries = {"a late game-winning hit", "memory and aging", "closing the bridge", "cover crops"};
        long t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            embedder.embedQuery(queries[i % queries.length]);
        }
        return (System.nanoTime() - t0) / 1e6 / 20;
    }

    static List<String> passages(int count, Random random) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            int words = 0;
            while (words < 80) {
                String sentence = SENTENCES[random.nextInt(SENTENCES.length)];
                text.append(text.isEmpty() ? "" : " ").append(sentence);
                words += sentence.split(" ").length;
            }
            out.add(text.toString());
        }
        return out;
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
