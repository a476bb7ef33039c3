package dev.podsearch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Waits until query-service's embedding model has loaded (it loads in the background after start): until then a
 * hybrid search runs by keyword and says {@code "mode":"keyword"}. On a corpus without vectors ({@code --vectors
 * false}) a hybrid search always runs by keyword; there the model has answered once the reason given is that no
 * moment has its vector (the query's vector was computed first).
 */
final class ModelReady {

    private ModelReady() {}

    /** What query-service says when the query's vector was computed but no moment searched has one. */
    static final String NO_VECTORS_IN_CORPUS = "no episode searched has its meaning vectors yet";

    /**
     * How long it took until a hybrid search answered {@code "mode":"hybrid"} (or, on a corpus without vectors, that
     * none has its vector); fails after {@code atMost}.
     */
    static Duration await(HttpClient http, String url, Duration atMost) throws InterruptedException {
        long start = System.nanoTime();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url + "/v1/search?mode=hybrid&q=model"))
                .GET()
                .build();
        String last = "";
        while (System.nanoTime() - start < atMost.toNanos()) {
            try {
                HttpResponse<byte[]> response = http.send(probe, HttpResponse.BodyHandlers.ofByteArray());
                last = new String(response.body(), StandardCharsets.UTF_8);
                if (response.statusCode() == 200 && modelAnswered(last)) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException e) {
                last = e.toString(); // still starting: the stack's readiness check can pass before it listens
            }
            Thread.sleep(
                    250); // a polling interval, not a wait for a known event: the service has no "model loaded" call
        }
        throw new IllegalStateException("query-service did not run a hybrid search within " + atMost
                + " (is the model loading? see benchmarks/target/logs/query-service.log); last answer: "
                + last.substring(0, Math.min(300, last.length())));
    }

    static boolean modelAnswered(String searchAnswer) {
        return searchAnswer.contains("\"mode\":\"hybrid\"") || searchAnswer.contains(NO_VECTORS_IN_CORPUS);
    }
}
