package dev.podsearch.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.stack.DevKey;
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
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * index-service and query-service stop within their shutdown timeout whatever state their servers are in: here
 * OpenSearch went away while transcripts were arriving (the indexer is retrying a batch, searches are failing) and
 * then Kafka went too. ingest-service's case (Kafka gone, outbox full) is its own module's {@code ShutdownIT}.
 */
class ServicesStopIT {

    private static final Path REPO =
            Path.of(System.getProperty("podsearch.repo", "..")).toAbsolutePath().normalize();
    private static final Path WORK = REPO.resolve("e2e/target/services-stop");

    /** quarkus.shutdown.timeout (10 s) and the JVM's own exit, with room for a busy machine. */
    private static final Duration BOUND = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void indexAndQueryStopWithinTheirTimeoutWithOpenSearchAndKafkaGone() throws Exception {
        Files.createDirectories(WORK);
        Path keyFile = WORK.resolve("api-key");
        Files.deleteIfExists(keyFile);
        String key = DevKey.ensure(keyFile);
        try (RunningStack stack = TestStacks.start(EnumSet.allOf(LocalStack.Component.class))) {
            Map<String, String> properties = new HashMap<>(stack.quarkusProperties());
            properties.put("ingest.drop.dir", WORK.resolve("drop").toString());
            properties.put("access.bootstrap-key-file", keyFile.toString());
            Path logs = WORK.resolve("logs");
            try (ServiceProcess ingest =
                    ServiceProcess.start("ingest-service", module("ingest-service"), 0, properties, logs)) {
                properties.put("access.verify-url", ingest.url());
                try (ServiceProcess index =
                                ServiceProcess.start("index-service", module("index-service"), 0, properties, logs);
                        ServiceProcess query =
                                ServiceProcess.start("query-service", module("query-service"), 0, properties, logs)) {
                    stack.interrupt(LocalStack.Component.OPENSEARCH);
                    for (int i = 0; i < 5; i++) {
                        assertEquals(202, upload(ingest, key, "Stopping " + i), "upload " + i);
                    }
                    // the indexer has the batch and is retrying it against the missing engine
                    await().atMost(Duration.ofSeconds(90))
                            .until(() -> linesWith(index.log(), "transcript consumer: attempt ") >= 2);
                    List<CompletableFuture<HttpResponse<String>>> searches = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        searches.add(search(query, "lamp"));
                    }
                    // searching goes on, answered with a problem saying the engine is unavailable
                    CompletableFuture.allOf(searches.toArray(CompletableFuture[]::new))
                            .get(60, java.util.concurrent.TimeUnit.SECONDS);
                    for (CompletableFuture<HttpResponse<String>> search : searches) {
                        HttpResponse<String> answer = search.get();
                        assertEquals(503, answer.statusCode(), answer.body());
                        assertTrue(answer.body().contains("\"status\":503"), answer.body());
                    }
                    stack.interrupt(LocalStack.Component.KAFKA);

                    for (ServiceProcess service : List.of(index, query)) {
                        Optional<Duration> took = GracefulStop.terminate(service, BOUND);
                        assertTrue(
                                took.isPresent(),
                                service.name() + " still running " + BOUND.toSeconds()
                                        + " s after SIGTERM with OpenSearch and Kafka gone; threads in "
                                        + GracefulStop.threadDump(service));
                        System.out.printf(
                                "%s stopped %d ms after SIGTERM with OpenSearch and Kafka gone%n",
                                service.name(), took.get().toMillis());
                    }
                }
            }
        }
    }

    private static Path module(String name) {
        return REPO.resolve(name);
    }

    private int upload(ServiceProcess ingest, String key, String title) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(ingest.url() + "/v1/transcripts?format=text&title=" + title.replace(' ', '+')))
                .header("Content-Type", "text/plain")
                .header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "The keeper climbed the stairs at dusk.\n\nThe lamp was lit before the fog came in."))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private CompletableFuture<HttpResponse<String>> search(ServiceProcess query, String q) {
        return http.sendAsync(
                HttpRequest.newBuilder(URI.create(query.url() + "/v1/search?q=" + q))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long linesWith(Path log, String text) throws IOException {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }
}
