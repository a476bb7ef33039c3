package dev.podsearch.bench.alerts;

import dev.podsearch.bench.BenchAccess;
import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.RunningStack;
import dev.podsearch.stack.ServiceProcess;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The servers and the four packaged services, started as the end-to-end tests start them: ingest, index (its embed
 * stage off: the alerts here match by words), query (no model: keyword search and compiling need none) and alerts
 * (webhooks allowed to loopback, where the benchmark's receiver listens; as many alerts per key as the run saves).
 */
final class AlertSystem implements AutoCloseable {

    final RunningStack stack;
    final ServiceProcess ingest;
    final ServiceProcess index;
    final ServiceProcess query;
    final ServiceProcess alerts;

    private AlertSystem(
            RunningStack stack,
            ServiceProcess ingest,
            ServiceProcess index,
            ServiceProcess query,
            ServiceProcess alerts) {
        this.stack = stack;
        this.ingest = ingest;
        this.index = index;
        this.query = query;
        this.alerts = alerts;
    }

    static AlertSystem start(Path repo, int alertCount, int pool) {
        RunningStack stack = LocalStack.start(LocalStack.Options.ephemeral(EnumSet.allOf(LocalStack.Component.class)));
        Path logs = repo.resolve("benchmarks/target/logs");
        Map<String, String> properties = BenchAccess.properties(repo, stack.quarkusProperties());
        ServiceProcess ingest = null;
        ServiceProcess index = null;
        ServiceProcess query = null;
        try {
            ingest = ServiceProcess.start("ingest-service", repo.resolve("ingest-service"), 0, properties, logs);
            properties.put("access.verify-url", ingest.url());
            Map<String, String> indexing = new HashMap<>(properties);
            indexing.put("embedder.enabled", "false");
            index = ServiceProcess.start("index-service", repo.resolve("index-service"), 0, indexing, logs);
            Map<String, String> searching = new HashMap<>(properties);
            searching.put("embedding.enabled", "false");
            query = ServiceProcess.start("query-service", repo.resolve("query-service"), 0, searching, logs);
            Map<String, String> alerting = new HashMap<>(properties);
            alerting.put("alerts.query-url", query.url());
            alerting.put("alerts.public-url", query.url());
            alerting.put("outbound.allow", "127.0.0.0/8,::1");
            alerting.put("alerts.max-per-owner", String.valueOf(Math.max(1000, alertCount)));
            // --pool: its connections opened at start (64 opened at once under load outlast the 5 s acquisition
            // timeout)
            alerting.put("quarkus.datasource.jdbc.max-size", String.valueOf(pool));
            alerting.put("quarkus.datasource.jdbc.min-size", String.valueOf(pool));
            alerting.put("quarkus.datasource.jdbc.initial-size", String.valueOf(pool));
            ServiceProcess alerts =
                    ServiceProcess.start("alert-service", repo.resolve("alert-service"), 0, alerting, logs);
            return new AlertSystem(stack, ingest, index, query, alerts);
        } catch (RuntimeException e) {
            for (ServiceProcess started : new ServiceProcess[] {query, index, ingest}) {
                if (started != null) {
                    started.close();
                }
            }
            stack.close();
            throw e;
        }
    }

    String kafka() {
        return stack.quarkusProperties().get("kafka.bootstrap.servers");
    }

    @Override
    public void close() {
        alerts.close();
        query.close();
        index.close();
        ingest.close();
        stack.close();
    }
}
