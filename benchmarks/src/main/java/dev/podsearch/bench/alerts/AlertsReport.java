package dev.podsearch.bench.alerts;

import dev.podsearch.bench.Stats;
import java.util.List;
import java.util.Locale;

/** Prints the alerts benchmark's figures, the baseline beside them, and the correctness of each phase. */
final class AlertsReport {

    /** How the run was set up. */
    record Setup(int alerts, int mentions, int minutes, double rate, int clients, int pool) {}

    private AlertsReport() {}

    static void print(
            Setup setup,
            AlertSetup.Saved saved,
            Phase warmup,
            Phase latency,
            SearchBaseline.Measured baseline,
            Phase throughput,
            DrainMeter.Drain drained) {
        List<Double> hooks = latency.check().latenciesMs();
        out(
                "%nalerts benchmark: %d saved searches (by words: 8 in 10 one made-up word, 1 in 10 with a show filter,"
                        + " 1 in 10 with an exclusion), episodes of %d minutes mentioning %d of them%n",
                setup.alerts(), setup.minutes(), setup.mentions());
        out(
                "  setup       %d alerts saved through POST /v1/alerts in %.0f s: %.1f alerts/s (%d clients, alert-service"
                        + " pool %d; %d calls answered 503 and were made again)%n",
                saved.alerts().size(),
                saved.seconds(),
                saved.perSecond(),
                setup.clients(),
                setup.pool(),
                saved.retried());
        out(
                "  latency     searchable (INDEXED) -> webhook received  p50 %6.0f ms  p90 %6.0f ms  p99 %6.0f ms  max"
                        + " %6.0f ms  (%d webhooks of %d episodes uploaded at %.1f/s)%n",
                Stats.percentile(hooks, 50),
                Stats.percentile(hooks, 90),
                Stats.percentile(hooks, 99),
                Stats.percentile(hooks, 100),
                hooks.size(),
                latency.episodes().size(),
                setup.rate());
        out(
                "  baseline    GET /v1/search, the same alerts' q and filters, 1 client: p50 %6.1f ms  p99 %6.1f ms,"
                        + " %.1f searches/s (%d of %d listed their episode)%n",
                Stats.percentile(baseline.latenciesMs(), 50),
                Stats.percentile(baseline.latenciesMs(), 99),
                baseline.perSecond(),
                baseline.searches() - baseline.notFound(),
                baseline.searches());
        if (drained.records() > 0) {
            out(
                    "  throughput  alert stage: %.1f episodes matched/s against %d alerts (%d episodes uploaded at once;"
                            + " once all were indexed, %d outcomes matched in %.1f s from its next commit)%n",
                    drained.perSecond(),
                    setup.alerts(),
                    throughput.episodes().size(),
                    drained.records(),
                    drained.seconds());
        } else {
            out("  throughput  the stage kept up with the uploads: no backlog to time (upload more, --backlog)%n");
        }
        double perEpisode = setup.alerts() / baseline.perSecond();
        out(
                "  by search   matching an episode by running every saved search through /v1/search: %d searches, %.1f s"
                        + " per episode (%.3f episodes/s): the alert stage is %.0f times that%n",
                setup.alerts(), perEpisode, 1 / perEpisode, drained.perSecond() * perEpisode);
        for (Phase phase : List.of(warmup, latency, throughput)) {
            DeliveryCheck c = phase.check();
            out(
                    "  correct     %-10s %4d episodes: %5d webhooks expected, %5d received, %d missing, %d unexpected,"
                            + " %d duplicates, %d not signed with their alert's secret: %s%n",
                    phase.name(),
                    phase.episodes().size(),
                    c.expected(),
                    c.received(),
                    c.missing(),
                    c.unexpected(),
                    c.duplicates(),
                    c.badSignatures(),
                    c.correct() ? "OK" : "WRONG");
        }
    }

    private static void out(String format, Object... args) {
        System.out.printf(Locale.ROOT, format, args);
    }
}
