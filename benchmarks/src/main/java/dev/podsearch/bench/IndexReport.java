package dev.podsearch.bench;

import java.util.List;
import java.util.Locale;

/** The keyword part of {@code bench index} as printed: the two paths, freshness, the target. */
final class IndexReport {

    private IndexReport() {}

    /** What index-service's {@code _bulk} requests were like during a phase. */
    private static String bulks(ServiceMetrics during) {
        double requests = during.get("podsearch_index_bulk_requests_total");
        return String.format(
                Locale.ROOT,
                "the service's _bulk requests meanwhile: %.0f, %.0f documents and %.0f ms each (mean)",
                requests,
                during.get("podsearch_index_documents_total") / Math.max(1, requests),
                1000
                        * during.get("podsearch_index_bulk_latency_seconds_sum")
                        / Math.max(1, during.get("podsearch_index_bulk_latency_seconds_count")));
    }

    static void print(
            String shape,
            int episodes,
            int kilobytes,
            IndexPaths.Measured direct,
            IndexPaths.Measured service,
            ServiceMetrics duringService,
            double rate,
            List<Double> freshness,
            List<Double> indexed,
            ServiceMetrics during) {
        double ratio = service.docsPerSecond() / direct.docsPerSecond();
        double p99 = Stats.percentile(freshness, 99);
        System.out.printf(
                "%nindex benchmark: %d episodes of %d KB (%d documents, %.1f MB), after the warm-up%n",
                episodes, kilobytes, direct.documents(), direct.bytes() / 1e6);
        System.out.println("  on        " + shape);
        System.out.printf(
                "  direct    one client, _bulk over HTTP   %9.0f docs/s  %6.2f MB/s  (%.1f s)%n",
                direct.docsPerSecond(), direct.megabytesPerSecond(), direct.seconds());
        System.out.printf(
                "  service   Kafka -> index-service        %9.0f docs/s  %6.2f MB/s  (%.1f s)%n",
                service.docsPerSecond(), service.megabytesPerSecond(), service.seconds());
        System.out.println("            " + bulks(duringService));
        System.out.printf("  ratio     service / direct              %9.2f%n", ratio);
        System.out.printf(
                "  freshness at %.1f episodes/s (half the service's rate): p50 %.0f ms  p99 %.0f ms  (%d episodes)%n",
                rate, Stats.percentile(freshness, 50), p99, freshness.size());
        System.out.printf(
                "            of which event -> indexed (written, not yet refreshed): p50 %.0f ms  p99 %.0f ms%n",
                Stats.percentile(indexed, 50), Stats.percentile(indexed, 99));
        System.out.println("            " + bulks(during));
        boolean met = ratio >= 0.8 && p99 <= 2000;
        System.out.printf("  target    ratio >= 0.8, freshness p99 <= 2000 ms: %s%n", met ? "MET" : "NOT MET");
    }
}
