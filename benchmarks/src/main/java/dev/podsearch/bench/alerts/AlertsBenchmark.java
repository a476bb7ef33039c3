package dev.podsearch.bench.alerts;

import dev.podsearch.bench.BenchAccess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Alerts at scale: with {@code --alerts} saved searches (10,000 by default), how long after an episode becomes
 * searchable its webhooks arrive, and how many episodes per second the alert stage matches; against the plain search
 * of the same moments in the same run. In order, on the whole system ({@link AlertSystem}):
 *
 * <ol>
 *   <li>the alerts are saved through {@code POST /v1/alerts} ({@link AlertSetup}), before any episode exists;
 *   <li>warm-up: {@code --warm} episodes uploaded at {@code --rate} per second, their webhooks awaited;
 *   <li>latency: {@code --episodes} more at the same rate; for each expected webhook, the time from its episode's
 *       {@code INDEXED} announcement to its arrival at the receiver;
 *   <li>baseline: each of those webhooks' alert q and filters as a plain {@code /v1/search} ({@link SearchBaseline});
 *   <li>throughput: {@code --backlog} episodes uploaded at once: index-service indexes them faster than the alert
 *       stage matches them; once all are indexed, how fast the (warm) stage works off what remains ({@link
 *       DrainMeter}), then their webhooks.
 * </ol>
 *
 * Every phase checks that each expected webhook came once, signed with its alert's secret, and no other.
 */
public final class AlertsBenchmark {

    private static final long SEED = 28;

    private AlertsBenchmark() {}

    public static void run(Path repo, Map<String, String> options) throws Exception {
        int alertCount = integer(options, "alerts", 10_000);
        int warm = integer(options, "warm", 40);
        int episodes = integer(options, "episodes", 200);
        double rate = Double.parseDouble(options.getOrDefault("rate", "2"));
        int backlog = integer(options, "backlog", 300);
        int mentions = integer(options, "mentions", 5);
        int minutes = integer(options, "minutes", 20);
        int clients = integer(options, "clients", 24);
        int pool = integer(options, "pool", 24);
        AlertPlan plan = new AlertPlan(SEED, alertCount, mentions, minutes);
        try (AlertSystem system = AlertSystem.start(repo, alertCount, pool);
                WebhookSink sink = new WebhookSink();
                DrainMeter drain = new DrainMeter(system.kafka(), "alert-service")) {
            Api api = new Api(BenchAccess.authorization(repo));
            String ingest = system.ingest.url();
            System.err.printf("[bench] saving %d alerts from %d clients%n", alertCount, clients);
            AlertSetup.Saved saved = AlertSetup.create(api, system.alerts.url(), plan.alerts(), sink.url(), clients);
            Deliveries deliveries = new Deliveries(sink);

            System.err.printf("[bench] warm-up: %d episodes at %.1f/s%n", warm, rate);
            Phase warmup = Phase.deliveries(
                    "warm-up",
                    Phase.upload(system.kafka(), () -> EpisodeUploads.paced(api, ingest, plan, 0, warm, rate)),
                    saved.alerts(),
                    deliveries);
            System.err.printf("[bench] latency: %d episodes at %.1f/s%n", episodes, rate);
            Phase latency = Phase.deliveries(
                    "latency",
                    Phase.upload(system.kafka(), () -> EpisodeUploads.paced(api, ingest, plan, warm, episodes, rate)),
                    saved.alerts(),
                    deliveries);
            System.err.println("[bench] baseline: the same alerts' searches through /v1/search");
            SearchBaseline.Measured baseline =
                    SearchBaseline.run(api, system.query.url(), latency.episodes(), plan.alerts());

            System.err.printf("[bench] throughput: %d episodes uploaded at once%n", backlog);
            Phase.Uploaded queued = Phase.upload(
                    system.kafka(), () -> EpisodeUploads.burst(api, ingest, plan, warm + episodes, backlog, 4));
            long from = drain.committed();
            long end = drain.end();
            System.err.printf("[bench] throughput: all indexed; %d of their outcomes not yet matched%n", end - from);
            DrainMeter.Drain drained = drain.measure(from, end, Duration.ofMinutes(10));
            Phase throughput = Phase.deliveries("throughput", queued, saved.alerts(), deliveries);

            AlertsReport.print(
                    new AlertsReport.Setup(alertCount, mentions, minutes, rate, clients, pool),
                    saved,
                    warmup,
                    latency,
                    baseline,
                    throughput,
                    drained);
        }
    }

    private static int integer(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
