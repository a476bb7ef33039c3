package dev.podsearch.bench;

import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.query.search.EngineRequests;
import dev.podsearch.query.search.SearchParameters;
import dev.podsearch.query.search.UserQuery;
import dev.podsearch.search.Indices;
import dev.podsearch.search.Mappings;
import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.RunningStack;
import dev.podsearch.stack.ServiceProcess;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;

/**
 * What query-service costs on top of the engine. A generated corpus is indexed (with the shared mappings), then a fixed
 * mix of searches goes both to {@code /v1/search} and, as the very request bodies the service builds, straight to
 * OpenSearch, at 1 and at 16 concurrent clients; then typeahead at 1 client. Same machine, same run, so the figures
 * compare.
 */
final class QueryBenchmark {

    /** The search mix: plain words, phrases, exclusions, OR, prefixes, filters, facets, flat moments, date order. */
    private static final List<Map<String, String>> MIX = List.of(
            Map.of("q", "model"),
            Map.of("q", "deep seek"),
            Map.of("q", "\"open source\""),
            Map.of("q", "chips -china"),
            Map.of("q", "robot OR agent"),
            Map.of("q", "train*"),
            Map.of("q", "nvidia", "show", "Tech Wire"),
            Map.of("q", "energy", "facets", "show,year"),
            Map.of("q", "lighthouse keeper", "group", "moment"),
            Map.of("q", "market", "sort", "date"),
            Map.of("q", "benchmark inference", "facets", "show"),
            Map.of("q", "glacier river night"),
            Map.of("q", "pricing", "moments", "5"),
            Map.of("q", "regulation policy", "group", "moment", "size", "20"));

    private static final List<String> TYPED = List.of(
            "d", "de", "dee", "deep", "deep s", "mo", "mod", "mode", "model", "ch", "chi", "chip", "rob", "robo", "ag",
            "agen", "tra", "trai", "train", "tec", "tech", "tech w", "lig", "light", "ope", "open", "open s");

    private QueryBenchmark() {}

    static void run(Options options) throws Exception {
        int episodes = options.integer("episodes", 5000);
        int kilobytes = options.integer("kb", 8);
        int seconds = options.integer("seconds", 15);
        Path repo = Options.repo();
        try (RunningStack stack =
                LocalStack.start(LocalStack.Options.ephemeral(EnumSet.of(LocalStack.Component.OPENSEARCH)))) {
            Map<String, String> properties = stack.quarkusProperties();
            String opensearch = properties.get("opensearch.hosts").split(",")[0];
            Engine engine = new Engine(opensearch);
            load(engine, episodes, kilobytes);
            try (ServiceProcess query = ServiceProcess.start(
                    "query-service",
                    repo.resolve("query-service"),
                    0,
                    properties,
                    repo.resolve("benchmarks/target/logs"))) {
                List<Call> service = new ArrayList<>();
                List<Call> direct = new ArrayList<>();
                for (Map<String, String> params : MIX) {
                    service.add(Call.get(query.url() + "/v1/search?mode=keyword&" + queryString(params)));
                    direct.add(Call.post(opensearch + "/" + Indices.MOMENTS + "/_search", engineBody(params)));
                }
                List<Call> suggest = TYPED.stream()
                        .map(t ->
                                Call.get(query.url() + "/v1/suggest?q=" + URLEncoder.encode(t, StandardCharsets.UTF_8)))
                        .toList();
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                Duration measure = Duration.ofSeconds(seconds);
                Duration warm = Duration.ofSeconds(Math.max(5, seconds / 2));
                System.err.println("[bench] warming up both paths");
                drive(http, direct, 4, warm);
                JitActivity jit = new JitActivity(query.pid());
                JitActivity.Warmup searchWarmup =
                        warmUntilSettled("/v1/search", http, service, 16, Duration.ofSeconds(10), jit);
                JitActivity.Warmup suggestWarmup =
                        warmUntilSettled("/v1/suggest", http, suggest, 4, Duration.ofSeconds(5), jit);
                // 1 client: the two paths interleaved, the same search back to back (in alternating order), so both
                // see the same engine state; 16 clients: alternating rounds of each path, summed.
                double jitBefore = jit.cpuSeconds();
                Result[] paired = interleaved(http, direct, service, measure.multipliedBy(2));
                double jitDuring = jit.cpuSeconds() - jitBefore;
                Result direct1 = paired[0];
                Result service1 = paired[1];
                Duration half = measure.dividedBy(2);
                Result direct16 = drive(http, direct, 16, half);
                Result service16 = drive(http, service, 16, half);
                direct16 = direct16.plus(drive(http, direct, 16, half));
                service16 = service16.plus(drive(http, service, 16, half));
                Result typeahead = drive(http, suggest, 1, measure);
                // the floor under the 1-client gap: the service adds one HTTP exchange with threads that were idle
                List<Double> idle = IdleExchange.measure(
                        http, (int) (service1.bytes() / Math.max(1, service1.count())), Duration.ofMillis(20), 300);
                print(episodes, kilobytes, direct1, service1, direct16, service16, typeahead);
                System.out.printf(
                        "  floor:      one HTTP exchange with an idle do-nothing server (the same client, answers of the"
                                + " service's mean size, after 20 ms pauses): p50 %.2f ms%n",
                        Stats.percentile(idle, 50));
                if (jit.readable()) {
                    System.out.printf(
                            "  warm-up:    /v1/search %s, /v1/suggest %s; during the 1-client run the service's JIT"
                                    + " compilers used %.1f %% of a core%n",
                            describe(searchWarmup),
                            describe(suggestWarmup),
                            100 * jitDuring / (paired[0].seconds() + paired[1].seconds()));
                }
            }
        }
    }

    /** Indexes the corpus into the aliased indices query-service reads, as index-service would write it. */
    private static void load(Engine engine, int episodes, int kilobytes) throws Exception {
        engine.create(Mappings.MOMENTS_INDEX, Mappings.MOMENTS_INDEX, Indices.MOMENTS);
        engine.create(Mappings.EPISODES_INDEX, Mappings.EPISODES_INDEX, Indices.EPISODES);
        engine.call(
                "PUT",
                "/" + Indices.MOMENTS + "," + Indices.EPISODES + "/_settings",
                "{\"index\":{\"refresh_interval\":\"-1\"}}".getBytes(StandardCharsets.UTF_8));
        CorpusGenerator generator = new CorpusGenerator(5);
        long documents = 0;
        long start = System.nanoTime();
        for (int from = 0; from < episodes; from += 250) {
            List<TranscriptEvent> events = new ArrayList<>();
            for (int i = from; i < Math.min(episodes, from + 250); i++) {
                events.add(generator
                        .episode(i, kilobytes * 1024)
                        .event(UUID.randomUUID().toString(), 1));
            }
            Engine.Bulk bulk = Engine.bulk(events, Indices.MOMENTS, Indices.EPISODES, 2000, 5_000_000);
            for (byte[] body : bulk.bodies()) {
                engine.call("POST", "/_bulk", body);
            }
            documents += bulk.documents();
            System.err.printf(
                    "[bench] indexed %d of %d episodes (%d documents, %.0f s)%n",
                    Math.min(episodes, from + 250), episodes, documents, (System.nanoTime() - start) / 1e9);
        }
        engine.call(
                "PUT",
                "/" + Indices.MOMENTS + "," + Indices.EPISODES + "/_settings",
                "{\"index\":{\"refresh_interval\":\"1s\"}}".getBytes(StandardCharsets.UTF_8));
        engine.refresh(Indices.MOMENTS + "," + Indices.EPISODES);
        engine.call("POST", "/" + Indices.MOMENTS + "," + Indices.EPISODES + "/_forcemerge?max_num_segments=5", null);
    }

    /**
     * Drives the calls in rounds until the service's JIT compilers have settled (at least three rounds, at most
     * thirty).
     */
    private static JitActivity.Warmup warmUntilSettled(
            String name, HttpClient http, List<Call> calls, int clients, Duration round, JitActivity jit)
            throws Exception {
        return jit.warmUntilSettled(name, 3, 30, () -> {
            Result result = drive(http, calls, clients, round);
            return new JitActivity.Ran(result.seconds(), String.format(Locale.ROOT, "%.0f req/s", result.throughput()));
        });
    }

    /** How long a path was warmed, and how busy the JIT compilers still were in its last round. */
    private static String describe(JitActivity.Warmup warmup) {
        return String.format(
                Locale.ROOT,
                "%d s (compilers at %.1f %% of a core in the last round%s)",
                warmup.took().toSeconds(),
                100 * warmup.lastShare(),
                warmup.settled() ? "" : ", not settled");
    }

    /** The body /v1/search would send OpenSearch for these parameters (parsed as SearchResource parses them). */
    private static byte[] engineBody(Map<String, String> params) {
        SearchParameters request = new SearchParameters(
                UserQuery.parse(params.get("q")),
                params.containsKey("show") ? List.of(params.get("show")) : List.of(),
                null,
                null,
                null,
                null,
                null,
                SearchParameters.Group.valueOf(
                        params.getOrDefault("group", "episode").toUpperCase(Locale.ROOT)),
                SearchParameters.Sort.valueOf(
                        params.getOrDefault("sort", "relevance").toUpperCase(Locale.ROOT)),
                facets(params.get("facets")),
                SearchParameters.Mode.KEYWORD,
                Integer.parseInt(params.getOrDefault("size", "10")),
                Integer.parseInt(params.getOrDefault("moments", "3")),
                null);
        JacksonJsonpMapper mapper = new JacksonJsonpMapper();
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = mapper.jsonProvider().createGenerator(out)) {
            EngineRequests.keyword(request, null, System.currentTimeMillis()).serialize(generator, mapper);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Set<SearchParameters.Facet> facets(String value) {
        Set<SearchParameters.Facet> facets = EnumSet.noneOf(SearchParameters.Facet.class);
        if (value != null) {
            for (String name : value.split(",")) {
                facets.add(SearchParameters.Facet.valueOf(name.toUpperCase(Locale.ROOT)));
            }
        }
        return facets;
    }

    private static String queryString(Map<String, String> params) {
        return new LinkedHashMap<>(params)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    /** One request of a mix. */
    record Call(HttpRequest request) {

        static Call get(String url) {
            return new Call(HttpRequest.newBuilder(URI.create(url)).GET().build());
        }

        static Call post(String url, byte[] body) {
            return new Call(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build());
        }
    }

    /** Calls made, failed, time spent, each call's latency (ms), and the answers' bytes (where counted). */
    record Result(int count, int errors, double seconds, List<Double> latencies, long bytes) {

        Result plus(Result other) {
            List<Double> all = new ArrayList<>(latencies);
            all.addAll(other.latencies());
            return new Result(
                    count + other.count(),
                    errors + other.errors(),
                    seconds + other.seconds(),
                    all,
                    bytes + other.bytes());
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

    private static final List<Double> ENGINE_IN_SERVICE = new ArrayList<>();
    private static final List<Double> SERVICE_INSIDE = new ArrayList<>();

    /** Reads {@code engine;dur=X, service;dur=Y}. */
    private static void timing(String header) {
        for (String part : header.split(",")) {
            String[] named = part.strip().split(";dur=");
            if (named.length == 2) {
                (named[0].equals("engine") ? ENGINE_IN_SERVICE : SERVICE_INSIDE).add(Double.parseDouble(named[1]));
            }
        }
    }

    /** One client sends each search to both paths, back to back, alternating which goes first. */
    private static Result[] interleaved(HttpClient http, List<Call> first, List<Call> second, Duration duration)
            throws InterruptedException {
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        int[] errors = new int[2];
        double[] seconds = new double[2];
        long[] bytes = new long[2];
        long deadline = System.nanoTime() + duration.toNanos();
        for (int i = 0; System.nanoTime() < deadline; i++) {
            int query = i % first.size();
            boolean firstFirst = (i / first.size()) % 2 == 0;
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
                        (side == 0 ? a : b).add(ms);
                        bytes[side] += response.body().length;
                        response.headers().firstValue("Server-Timing").ifPresent(QueryBenchmark::timing);
                    }
                } catch (java.io.IOException e) {
                    errors[side]++;
                }
            }
        }
        return new Result[] {
            new Result(a.size(), errors[0], seconds[0], a, bytes[0]),
            new Result(b.size(), errors[1], seconds[1], b, bytes[1])
        };
    }

    /** {@code clients} threads send the calls round-robin for the duration; latencies in ms. */
    private static Result drive(HttpClient http, List<Call> calls, int clients, Duration duration)
            throws InterruptedException {
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

    private static void print(
            int episodes,
            int kilobytes,
            Result direct1,
            Result service1,
            Result direct16,
            Result service16,
            Result typeahead) {
        System.out.printf(
                "%nquery benchmark: %d episodes of %d KB, a mix of %d searches (each path warmed up first; at 1 client"
                        + " interleaved, at 16 alternating rounds)%n",
                episodes, kilobytes, MIX.size());
        row("1 client    direct OpenSearch", direct1);
        row("1 client    /v1/search       ", service1);
        row("16 clients  direct OpenSearch", direct16);
        row("16 clients  /v1/search       ", service16);
        row("1 client    /v1/suggest      ", typeahead);
        double overhead = service1.p(50) - direct1.p(50);
        double ratio = service16.throughput() / direct16.throughput();
        System.out.printf("  1 client:   service p50 - direct p50 = %.2f ms (target <= 3 ms)%n", overhead);
        System.out.printf(
                "              inside the service (Server-Timing): engine call p50 %.2f ms, whole search p50 %.2f ms%n",
                Stats.percentile(ENGINE_IN_SERVICE, 50), Stats.percentile(SERVICE_INSIDE, 50));
        System.out.printf(
                "              answers: the engine's %.1f KB, the service's %.1f KB (mean)%n",
                direct1.kilobytesPerAnswer(), service1.kilobytesPerAnswer());
        System.out.printf("  16 clients: service / direct throughput = %.2f (target >= 0.9)%n", ratio);
        System.out.printf("  suggest p99 = %.2f ms (target <= 20 ms)%n", typeahead.p(99));
        boolean met = overhead <= 3 && ratio >= 0.9 && typeahead.p(99) <= 20;
        System.out.printf("  targets: %s%n", met ? "MET" : "NOT MET");
    }

    private static void row(String name, Result result) {
        System.out.printf(
                "  %s  %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d%n",
                name, result.throughput(), result.p(50), result.p(99), result.errors());
    }
}
