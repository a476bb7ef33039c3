package dev.podsearch.bench.relevance;

import dev.podsearch.bench.BenchAccess;
import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.RunningStack;
import dev.podsearch.stack.ServiceProcess;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./podsearch bench relevance}: uploads the judged corpus through the real pipeline (PostgreSQL, Kafka,
 * OpenSearch and the three packaged services), runs every judged query in each search mode and prints how well the
 * expected episodes and moments were found.
 */
public final class RelevanceBenchmark {

    private RelevanceBenchmark() {}

    /**
     * Options: {@code corpus}, {@code queries}, {@code modes}, {@code embed-timeout} (seconds); {@code ingest} and
     * {@code query} (base URLs) to run against a running system instead of starting one, with the API key in
     * {@code key} (a file; {@code local/api-key}, the one {@code ./podsearch up} makes, unless given).
     */
    public static void run(Path repo, Map<String, String> options) throws Exception {
        Path corpusDir = Path.of(options.getOrDefault(
                "corpus",
                repo.resolve("benchmarks/src/main/resources/relevance").toString()));
        Corpus corpus = Corpus.read(corpusDir);
        Path queries = Path.of(
                options.getOrDefault("queries", corpusDir.resolve("queries.tsv").toString()));
        List<Judgment> judgments = Judgments.read(queries);
        String checksum = CorpusChecksum.line(corpusDir)
                + (queries.equals(corpusDir.resolve("queries.tsv"))
                        ? ""
                        : "; queries from " + queries + ", not the corpus's queries.tsv: not the frozen corpus");
        List<String> modes = List.of(
                options.getOrDefault("modes", "keyword,semantic,hybrid").strip().split("\\s*,\\s*"));
        Duration embedTimeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("embed-timeout", "600")));
        Path target = repo.resolve("benchmarks/target");
        if (options.containsKey("ingest") || options.containsKey("query")) {
            if (!options.containsKey("ingest") || !options.containsKey("query")) {
                throw new IllegalArgumentException("against a running system, give both --ingest URL and --query URL");
            }
            System.err.printf(
                    "[bench] against the running system: ingest %s, query %s%n",
                    options.get("ingest"), options.get("query"));
            Path key = repo.resolve(options.getOrDefault("key", "local/api-key"));
            if (!java.nio.file.Files.isReadable(key)) {
                throw new IllegalArgumentException(
                        "uploads need an API key: " + key + " is not readable (give --key FILE with an ingest key)");
            }
            String authorization =
                    "Bearer " + java.nio.file.Files.readString(key).strip();
            evaluate(
                    options.get("ingest"),
                    options.get("query"),
                    authorization,
                    checksum,
                    corpus,
                    judgments,
                    modes,
                    embedTimeout,
                    target);
            return;
        }
        Path logs = target.resolve("logs");
        try (RunningStack stack = LocalStack.start(LocalStack.Options.ephemeral(EnumSet.of(
                        LocalStack.Component.POSTGRES, LocalStack.Component.KAFKA, LocalStack.Component.OPENSEARCH)));
                ServiceProcess index = ServiceProcess.start(
                        "index-service",
                        repo.resolve("index-service"),
                        0,
                        BenchAccess.properties(repo, stack.quarkusProperties()),
                        logs);
                ServiceProcess query = ServiceProcess.start(
                        "query-service",
                        repo.resolve("query-service"),
                        0,
                        BenchAccess.properties(repo, stack.quarkusProperties()),
                        logs);
                ServiceProcess ingest = ServiceProcess.start(
                        "ingest-service",
                        repo.resolve("ingest-service"),
                        0,
                        BenchAccess.properties(repo, stack.quarkusProperties()),
                        logs)) {
            Http http = new Http(BenchAccess.authorization(repo));
            for (ServiceProcess service : List.of(index, query, ingest)) {
                http.awaitReady(service.name(), service.managementUrl(), Duration.ofSeconds(180));
            }
            evaluate(
                    ingest.url(),
                    query.url(),
                    BenchAccess.authorization(repo),
                    checksum,
                    corpus,
                    judgments,
                    modes,
                    embedTimeout,
                    target);
        }
    }

    /**
     * Uploads the corpus to {@code ingestUrl} (a running system keeps it: uploading it again makes new revisions of
     * the same episodes), waits until it is indexed and embedded, then scores every judged query in each mode.
     */
    private static void evaluate(
            String ingestUrl,
            String queryUrl,
            String authorization,
            String checksum,
            Corpus corpus,
            List<Judgment> judgments,
            List<String> modes,
            Duration embedTimeout,
            Path target)
            throws Exception {
        System.out.println(checksum); // the report's first line: which corpus these figures are of
        Http http = new Http(authorization);
        Uploads uploads = new Uploads(http, ingestUrl);
        long start = System.nanoTime();
        uploads.upload(corpus);
        System.err.printf(
                "[bench] uploaded %d episodes, %d judged queries%n",
                corpus.episodes().size(), judgments.size());
        if (!uploads.await("indexed", Uploads::indexed, Duration.ofSeconds(300))) {
            throw new IllegalStateException("the corpus was not indexed within 300 s");
        }
        double indexSeconds = (System.nanoTime() - start) / 1e9;
        String embedding = embed(uploads, embedTimeout, start);
        Map<String, ModeRun> byMode = new LinkedHashMap<>();
        Searcher searcher = new Searcher(http, queryUrl, uploads.stems());
        for (String mode : modes) {
            ModeRun run = runMode(searcher, mode, judgments);
            if (run != null) {
                byMode.put(mode, run);
            }
        }
        print(corpus, judgments, indexSeconds, embedding, byMode, target);
    }

    /**
     * Waits for the vectors if the pipeline writes them: for all of them when a status names {@code steps.embedded}
     * (even unset), else first up to two minutes for one that has it; says what happened.
     */
    private static String embed(Uploads uploads, Duration timeout, long start) throws Exception {
        long firstBy = System.nanoTime()
                + Math.min(timeout.toNanos(), Duration.ofSeconds(120).toNanos());
        while (!uploads.anyEmbedded(true)) {
            if (System.nanoTime() > firstBy) {
                String line = "no upload status has steps.embedded: semantic retrieval is unavailable";
                System.err.println("[bench] " + line);
                return line;
            }
            Thread.sleep(1000); // polling the remote status
        }
        boolean all = uploads.await("embedded", Uploads::embedded, timeout);
        return String.format(
                "%s embedded %.1f s after the first upload",
                all ? "all" : "NOT all", (System.nanoTime() - start) / 1e9);
    }

    private static ModeRun runMode(Searcher searcher, String mode, List<Judgment> judgments) throws Exception {
        List<Score> scores = new ArrayList<>();
        Map<String, Integer> ran = new LinkedHashMap<>();
        int unnamed = 0;
        Map<String, Integer> degraded = new LinkedHashMap<>();
        for (Judgment judgment : judgments) {
            Searcher.Answer answer = searcher.search(judgment.query(), mode);
            if (answer.status() == 400) {
                System.out.printf("WARNING: mode %s refused (%s); not scored%n", mode, answer.problem());
                return null;
            }
            if (answer.status() != 200) {
                throw new IllegalStateException(judgment.id() + " in " + mode + " answered " + answer.status());
            }
            ran.merge(answer.ranMode() == null ? "keyword" : answer.ranMode(), 1, Integer::sum);
            unnamed += answer.ranMode() == null ? 1 : 0;
            if (answer.degraded() != null) {
                degraded.merge(answer.degraded(), 1, Integer::sum);
            }
            scores.add(Metrics.score(judgment, answer.hits(), answer.correctedQuery()));
        }
        if (!degraded.isEmpty()) {
            System.out.println("WARNING: answers in mode " + mode + " say they are degraded: " + degraded);
        }
        ModeRun run = new ModeRun(mode, scores, ran, unnamed);
        if (!run.asAsked()) {
            System.out.println("WARNING: " + run.deviation());
        } else if (unnamed > 0) {
            System.out.println("note: " + unnamed + " answers in mode " + mode + " name no mode; counted as keyword");
        }
        return run;
    }

    private static void print(
            Corpus corpus,
            List<Judgment> judgments,
            double indexSeconds,
            String embedding,
            Map<String, ModeRun> byMode,
            Path target)
            throws Exception {
        System.out.printf(
                "relevance: %d episodes, %d queries (%d answerable); indexed %.1f s after the first upload;" + " %s%n",
                corpus.episodes().size(),
                judgments.size(),
                judgments.stream().filter(Judgment::answerable).count(),
                indexSeconds,
                embedding);
        Report report = new Report(System.out);
        byMode.values().forEach(report::table);
        report.targets(byMode);
        Files.createDirectories(target);
        Path failures = target.resolve("relevance-failures.tsv");
        try (PrintStream to = new PrintStream(Files.newOutputStream(failures))) {
            to.println(Failures.HEADER);
            byMode.values().forEach(run -> Failures.write(run, to));
        }
        System.out.println("\nfailed queries (expected episode not in the top 5, its moment not shown or not the first"
                + " shown, or a none query answered): " + failures);
    }
}
