package dev.podsearch.bench;

import dev.podsearch.embed.Embedder;
import dev.podsearch.embed.ModelKind;
import dev.podsearch.embed.OnnxEmbedder;
import dev.podsearch.embed.Vectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * {@code ./podsearch bench embed}: 80-word passages per second per core for each shipped model, one text per model
 * call against batches of 8, 16 and 32, with {@code embedding.threads=1}; and the query latency. Then moment-shaped
 * passages (lengths as our moments have them) in batches of 8 as they come against batches of 8 sorted by length, as
 * the embed stage now sends them.
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
        momentRows(passages, cache);
    }

    /**
     * Word counts of real moments: the deciles of the 927 moments of the five sample episodes (measured 2026-12-07): a
     * tenth under 10 words (a closing line, a short answer), most 33-42, the longest 80.
     */
    private static final int[] MOMENT_WORD_DECILES = {1, 10, 33, 36, 38, 40, 42, 53, 67, 73, 80};

    private static void momentRows(int count, Path cache) {
        List<String> texts = momentShaped(count, new Random(7));
        System.out.printf(
                "%nmoment-shaped passages (%d; words as the sample episodes' moments: deciles %s), batches of 8%n",
                count, Arrays.toString(MOMENT_WORD_DECILES));
        System.out.printf("%-20s %-22s %14s %14s%n", "model", "batches", "passages/s", "per core");
        for (ModelKind kind : ModelKind.values()) {
            try (OnnxEmbedder embedder = OnnxEmbedder.load(kind, cache, 1, 8)) {
                embedder.embedPassages(texts.subList(0, 32));
                List<float[]> arrival = new ArrayList<>();
                for (int from = 0; from < texts.size(); from += 8) {
                    arrival.addAll(embedder.embedPassages(texts.subList(from, Math.min(texts.size(), from + 8))));
                }
                List<float[]> sortedVectors = embedder.embedPassages(texts);
                for (boolean sorted : new boolean[] {false, true, false, true}) {
                    double cpu0 = Cpu.processSeconds(ProcessHandle.current().pid());
                    long t0 = System.nanoTime();
                    if (sorted) {
                        embedder.embedPassages(texts);
                    } else {
                        for (int from = 0; from < texts.size(); from += 8) {
                            embedder.embedPassages(texts.subList(from, Math.min(texts.size(), from + 8)));
                        }
                    }
                    double wall = (System.nanoTime() - t0) / 1e9;
                    double cpu = Cpu.processSeconds(ProcessHandle.current().pid()) - cpu0;
                    System.out.printf(
                            "%-20s %-22s %14.1f %14.1f%n",
                            kind.configName(),
                            sorted ? "sorted by length" : "in arrival order",
                            count / wall,
                            count / Math.max(cpu, 0.01));
                }
                double min = 1;
                double sum = 0;
                for (int i = 0; i < texts.size(); i++) {
                    double cosine = Vectors.dot(arrival.get(i), sortedVectors.get(i));
                    min = Math.min(min, cosine);
                    sum += cosine;
                }
                System.out.printf(
                        "%-20s the same texts' vectors, sorted against arrival order: cosine min %.4f, mean %.4f%n",
                        kind.configName(), min, sum / texts.size());
            }
        }
    }

    static List<String> momentShaped(int count, Random random) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int decile = random.nextInt(MOMENT_WORD_DECILES.length - 1);
            int low = MOMENT_WORD_DECILES[decile];
            int words = low + random.nextInt(MOMENT_WORD_DECILES[decile + 1] - low + 1);
            String[] all = String.join(" ", passages(1, random)).split(" ");
            out.add(String.join(" ", Arrays.copyOf(all, Math.min(words, all.length))));
        }
        return out;
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
