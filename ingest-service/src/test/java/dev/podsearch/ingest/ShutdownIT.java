package dev.podsearch.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.RunningStack;
import dev.podsearch.stack.ServiceProcess;
import dev.podsearch.testing.stack.GracefulStop;
import dev.podsearch.testing.stack.TestStacks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The packaged service stops within its shutdown timeout whatever state Kafka is in: here Kafka went away first,
 * with events still in the outbox and the status consumer looking for its coordinator.
 */
class ShutdownIT {

    /** quarkus.shutdown.timeout (10 s) and the JVM's own exit, with room for a busy machine. */
    private static final Duration BOUND = Duration.ofSeconds(15);

    @Test
    void stopsWithinItsShutdownTimeoutWhileKafkaIsUnreachable() throws Exception {
        Path work = Path.of("target/shutdown-it").toAbsolutePath();
        Files.createDirectories(work);
        try (RunningStack stack =
                TestStacks.start(EnumSet.of(LocalStack.Component.POSTGRES, LocalStack.Component.KAFKA))) {
            Map<String, String> properties = new HashMap<>(stack.quarkusProperties());
            properties.put(
                    "access.bootstrap-key-file", TEST_KEY_FILE.toAbsolutePath().toString());
            ServiceProcess ingest = ServiceProcess.start(
                    "ingest-service", Path.of("").toAbsolutePath(), 0, properties, work.resolve("logs"));
            try {
                assertEquals(202, upload(ingest, "Before the outage"));
                stack.interrupt(LocalStack.Component.KAFKA);
                for (int i = 0; i < 30; i++) { // a stream of uploads goes on: all stored, none publishable
                    assertEquals(202, upload(ingest, "During the outage " + i));
                }
                // the outage lasts: the producer has tried and failed to reach Kafka again and again
                await().atMost(Duration.ofSeconds(90)).until(() -> producerFailures(ingest.log()) >= 15);
                // and the orchestrator keeps probing readiness, as Kubernetes does every few seconds
                long adminLines = adminClientLines(ingest.log());
                HttpClient client = HttpClient.newHttpClient();
                List<CompletableFuture<HttpResponse<String>>> probes = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    probes.add(client.sendAsync(
                            HttpRequest.newBuilder(URI.create(ingest.managementUrl() + "/q/health/ready"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()));
                }
                // answered, or (a check that asks Kafka itself) under way
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> probes.stream().allMatch(CompletableFuture::isDone)
                                || adminClientLines(ingest.log()) > adminLines);

                Optional<Duration> took = GracefulStop.terminate(ingest, BOUND);
                assertTrue(
                        took.isPresent(),
                        "ingest-service still running " + BOUND.toSeconds()
                                + " s after SIGTERM with Kafka down; threads in " + GracefulStop.threadDump(ingest));
                System.out.printf(
                        "ingest-service stopped %d ms after SIGTERM with Kafka down%n",
                        took.get().toMillis());
                for (CompletableFuture<HttpResponse<String>> probe : probes) {
                    // answered before the stop, and still ready: it takes uploads while Kafka is down
                    assertEquals(
                            200,
                            probe.getNow(null).statusCode(),
                            probe.getNow(null).body());
                    assertTrue(
                            probe.getNow(null).body().contains("\"outbox\""),
                            probe.getNow(null).body());
                }
            } finally {
                ingest.close();
            }
        }
    }

    /** The tests' admin key, made a key at start (access.bootstrap-key-file). */
    private static final Path TEST_KEY_FILE = Path.of("src/test/resources/access/test-admin-key");

    private static int upload(ServiceProcess ingest, String title) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingest.url() + "/v1/transcripts?format=text&title="
                        + title.replace(' ', '+') + "+" + UUID.randomUUID()))
                .header("Content-Type", "text/plain")
                .header(
                        "Authorization",
                        "Bearer " + Files.readString(TEST_KEY_FILE).strip())
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("The keeper climbed the stairs.\n\nThe lamp was lit."))
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static long producerFailures(Path log) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(line ->
                            line.contains("kafka-producer-network-thread") && line.contains("could not be established"))
                    .count();
        }
    }

    private static long adminClientLines(Path log) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains("[AdminClient clientId=")).count();
        }
    }
}
