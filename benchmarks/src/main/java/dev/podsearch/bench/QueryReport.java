package dev.podsearch.bench;

/** Prints the query benchmark's figures, the targets and what they are made of. */
final class QueryReport {

    /** The keyword path against the engine, at 1 and 16 clients, and typeahead (as measured before hybrid search). */
    record Keyword(
            Result direct1,
            Result service1,
            Answers service1Answers,
            Result direct16,
            Result service16,
            Result typeahead) {}

    /** Hybrid against keyword at 1 client: the mix repeated (query vectors cached), and searches never asked before. */
    record Hybrid(
            Result keyword,
            Answers keywordAnswers,
            Result hybrid,
            Answers hybridAnswers,
            Result freshKeyword,
            Answers freshKeywordAnswers,
            Result freshHybrid,
            Answers freshHybridAnswers) {}

    private QueryReport() {}

    /** Prints the rows and the targets; true when all are met. */
    static boolean print(String shape, int episodes, int kilobytes, boolean vectors, Keyword k, Hybrid h) {
        System.out.printf(
                "%nquery benchmark: %d episodes of %d KB%s, a mix of %d searches (each path warmed up first; at 1 client"
                        + " interleaved, at 16 alternating rounds)%n",
                episodes,
                kilobytes,
                vectors ? " (moments with stand-in 384-dim vectors)" : " (no vectors)",
                QueryMix.SEARCHES.size());
        System.out.println("  on          " + shape);
        row("1 client    direct OpenSearch", k.direct1());
        row("1 client    /v1/search       ", k.service1());
        row("16 clients  direct OpenSearch", k.direct16());
        row("16 clients  /v1/search       ", k.service16());
        row("1 client    /v1/suggest      ", k.typeahead());
        row("1 client    mode=keyword     ", h.keyword());
        row("1 client    mode=hybrid      ", h.hybrid());
        row("1 client    new, keyword     ", h.freshKeyword());
        row("1 client    new, hybrid      ", h.freshHybrid());
        double overhead = k.service1().p(50) - k.direct1().p(50);
        double ratio = k.service16().throughput() / k.direct16().throughput();
        double gap = h.hybrid().p(50) - h.keyword().p(50);
        System.out.printf("  1 client:   service p50 - direct p50 = %.2f ms (target <= 3 ms)%n", overhead);
        System.out.printf(
                "              inside the service (Server-Timing): engine call p50 %.2f ms, whole search p50 %.2f ms%n",
                k.service1Answers().engineP50(), k.service1Answers().serviceP50());
        System.out.printf(
                "              answers: the engine's %.1f KB, the service's %.1f KB (mean)%n",
                k.direct1().kilobytesPerAnswer(), k.service1().kilobytesPerAnswer());
        System.out.printf("  16 clients: service / direct throughput = %.2f (target >= 0.9)%n", ratio);
        System.out.printf(
                "  suggest p99 = %.2f ms (target <= 20 ms)%n", k.typeahead().p(99));
        System.out.printf(
                "  hybrid:     hybrid p50 - keyword p50 = %.2f ms (target <= 15 ms; the mix repeats, so the query"
                        + " vectors come from the service's cache)%n",
                gap);
        System.out.printf(
                "              new searches (%d, each asked once: the query's vector computed): hybrid p50 %.2f ms,"
                        + " keyword p50 %.2f ms, gap %.2f ms%n",
                h.freshHybrid().count(),
                h.freshHybrid().p(50),
                h.freshKeyword().p(50),
                h.freshHybrid().p(50) - h.freshKeyword().p(50));
        inside("hybrid, cached ", h.hybridAnswers());
        inside("keyword        ", h.keywordAnswers());
        inside("hybrid, new    ", h.freshHybridAnswers());
        inside("keyword, new   ", h.freshKeywordAnswers());
        System.out.printf(
                "              modes that ran: hybrid mix: %s; new searches: %s (sort=date always runs by keyword)%n",
                h.hybridAnswers().modes(), h.freshHybridAnswers().modes());
        boolean met = overhead <= 3 && ratio >= 0.9 && k.typeahead().p(99) <= 20 && gap <= 15;
        System.out.printf("  targets: %s%n", met ? "MET" : "NOT MET");
        return met;
    }

    private static void inside(String name, Answers answers) {
        System.out.printf(
                "              %s Server-Timing p50: engine calls %6.2f ms, whole search %6.2f ms; the engine's took"
                        + " p50 %4.0f ms%n",
                name, answers.engineP50(), answers.serviceP50(), answers.tookP50());
    }

    private static void row(String name, Result result) {
        System.out.printf(
                "  %s  %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  errors %d%n",
                name, result.throughput(), result.p(50), result.p(99), result.errors());
    }
}
