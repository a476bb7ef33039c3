package dev.podsearch.e2e;

import dev.podsearch.stack.DevKey;
import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.RunningStack;
import dev.podsearch.stack.ServiceProcess;
import dev.podsearch.stack.ServiceWatchdog;
import dev.podsearch.testing.stack.TestStacks;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole system as a user runs it, for the end-to-end test classes: the four packaged services (ingest, index,
 * query, alerts) as separate processes on real PostgreSQL, Kafka and OpenSearch, exporting their traces to an {@link
 * OtlpReceiver}. Started once per test run by the first class that uses this extension, shared by the others, stopped
 * at the end of the run.
 */
final class PodsearchSystem implements BeforeAllCallback {

    static final Path REPO =
            Path.of(System.getProperty("podsearch.repo", "..")).toAbsolutePath().normalize();
    static final Path WORK = REPO.resolve("e2e/target/e2e");
    static final Path KEY_FILE = WORK.resolve("api-key");
    static final Path SERVICE_TOKEN_FILE = WORK.resolve("service-token");

    /** The one access setting of this system that ./podsearch up does not give (the anonymous read limit, off). */
    private static final String READS_CAPACITY = "rate-limit.reads-capacity";

    private static volatile Running running;

    /** The running system (after this extension's {@code beforeAll}). */
    static Running get() {
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    /** The servers, the services and the trace receiver; closed by JUnit at the end of the run. */
    record Running(
            RunningStack stack,
            ServiceProcess ingest,
            ServiceProcess index,
            ServiceWatchdog queryWatch,
            RestartableService alertStage,
            OtlpReceiver traces,
            Map<String, String> queryProperties,
            PrivateSearch privateSearch)
            implements AutoCloseable {

        ServiceProcess query() {
            return queryWatch.service();
        }

        /** alert-service as it runs now (AlertsIT kills it and starts it again: {@link #alertStage}). */
        ServiceProcess alerts() {
            return alertStage.service();
        }

        /** The query-service with search private that the run shares ({@link PrivateSearch}), started on first use. */
        ServiceProcess privateQuery() {
            return privateSearch.get();
        }

        /**
         * Another query-service on the same servers and keys whose access settings are exactly ./podsearch up's: this
         * system's (the service token, the key checks' caches and revocation poll, per-key quotas) with the anonymous
         * per-address read limit on (its defaults: 60 at once, then 20 per 10 s); {@code changed} for anything else
         * (e.g. {@code query.require-key=true}). The caller closes it.
         */
        ServiceProcess startQueryAsUp(String name, Map<String, String> changed) {
            return startQueryAsUp(queryProperties, name, changed);
        }

        private static ServiceProcess startQueryAsUp(
                Map<String, String> shared, String name, Map<String, String> changed) {
            Map<String, String> properties = new HashMap<>(shared);
            properties.remove(READS_CAPACITY);
            properties.putAll(changed);
            return ServiceProcess.start(name, REPO.resolve("query-service"), 0, properties, WORK.resolve("logs"));
        }

        static Running start() {
            try {
                RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
                Files.createDirectories(WORK);
                RunningStack stack = TestStacks.start(EnumSet.allOf(LocalStack.Component.class));
                Files.deleteIfExists(KEY_FILE);
                String adminKey = DevKey.ensure(KEY_FILE);
                OtlpReceiver traces = OtlpReceiver.start();
                Map<String, String> properties = new HashMap<>(stack.quarkusProperties());
                properties.put("ingest.drop.dir", WORK.resolve("drop").toString());
                properties.put("access.bootstrap-key-file", KEY_FILE.toString());
                properties.put("outbound.allow", "127.0.0.0/8,::1"); // FeedIT's feed server, on loopback
                // as ./podsearch up: the other services' key checks and revocation polls carry the services' shared
                // token (past ingest's rate limits), so a revoked key stops working on them within about a second
                Files.deleteIfExists(SERVICE_TOKEN_FILE);
                DevKey.ensure(SERVICE_TOKEN_FILE);
                properties.put("access.service-token-file", SERVICE_TOKEN_FILE.toString());
                // the waits poll ten times a second from one address: over the public read limit on purpose
                properties.put(READS_CAPACITY, "0");
                // every trace recorded and sent to the receiver, as to a cluster's collector (OTLP/HTTP here)
                properties.put("quarkus.otel.traces.sampler.arg", "1");
                properties.put("quarkus.otel.exporter.otlp.endpoint", traces.endpoint());
                properties.put("quarkus.otel.exporter.otlp.protocol", "http/protobuf");
                properties.put("quarkus.otel.bsp.schedule.delay", "200ms");
                // the web app's origin, whichever port query-service gets (a regular expression between slashes)
                properties.put("quarkus.http.cors.origins", "/http://127\\.0\\.0\\.1:[0-9]+/");
                Path logs = WORK.resolve("logs");
                ServiceProcess ingest =
                        ServiceProcess.start("ingest-service", REPO.resolve("ingest-service"), 0, properties, logs);
                properties.put("access.verify-url", ingest.url());
                // the web app's upload page (served by query-service, on a port chosen at start) calls ingest-service
                properties.put("web.ingest-url", ingest.url());
                ServiceProcess index =
                        ServiceProcess.start("index-service", REPO.resolve("index-service"), 0, properties, logs);
                ServiceProcess query =
                        ServiceProcess.start("query-service", REPO.resolve("query-service"), 0, properties, logs);
                ServiceProcess alerts = ServiceProcess.start(
                        "alert-service", REPO.resolve("alert-service"), 0, alertProperties(properties, query), logs);
                // every request carries the development admin key unless it names another
                RestAssured.filters((request, response, context) -> {
                    if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                        request.header("Authorization", "Bearer " + adminKey);
                    }
                    return context.next(request, response);
                });
                return new Running(
                        stack,
                        ingest,
                        index,
                        new ServiceWatchdog(query), // as ./podsearch up
                        new RestartableService(alerts),
                        traces,
                        Map.copyOf(properties),
                        new PrivateSearch(() -> startQueryAsUp(
                                Map.copyOf(properties), "query-service-private", PrivateSearch.SETTINGS)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * alert-service's settings, as ./podsearch up gives them (query-service compiles the alerts; webhooks may go to
         * loopback: outbound.allow, above), retries in fractions of a second so a test sees them, and claims of 8 s
         * (above the calls' bounds, 1 s to connect and 5 s for the answer) so a delivery under way when alert-service
         * was killed is due again by the time it has started again.
         */
        private static Map<String, String> alertProperties(Map<String, String> shared, ServiceProcess query) {
            Map<String, String> properties = new HashMap<>(shared);
            properties.put("alerts.query-url", query.url());
            properties.put("alerts.public-url", query.url());
            properties.put("alerts.delivery.poll-interval", "200ms");
            properties.put("alerts.delivery.retry-base", "300ms");
            properties.put("alerts.delivery.retry-cap", "1s");
            properties.put("alerts.delivery.claim-for", "8s");
            properties.put("outbound.connect-timeout", "1s");
            properties.put("outbound.request-timeout", "5s");
            return properties;
        }

        @Override
        public void close() {
            privateSearch.close();
            alertStage.close();
            queryWatch.close();
            ingest.close();
            index.close();
            stack.close();
            traces.close();
            RestAssured.reset();
        }
    }
}
