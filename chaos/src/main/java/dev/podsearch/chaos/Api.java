package dev.podsearch.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The public API as a client sees it, with the run's admin key. Each call waits at most the client timeout; a call
 * that gets no answer in time (a service down or frozen) throws {@link IOException}.
 */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An HTTP answer: its status, its body as JSON (null when it is not JSON) and who gave it (host:port). */
    record Answer(int status, JsonNode body, String from) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final Supplier<String> ingest;
    private final Supplier<String> ingestManagement;
    private final Supplier<String> query;
    private final String authorization;
    private final Duration timeout;

    /**
     * @param ingest an ingest-service's public address
     * @param ingestManagement an ingest-service's management address (its {@code /q/metrics})
     */
    Api(
            Supplier<String> ingest,
            Supplier<String> ingestManagement,
            Supplier<String> query,
            String adminKey,
            Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.ingest = ingest;
        this.ingestManagement = ingestManagement;
        this.query = query;
        this.authorization = "Bearer " + adminKey;
        this.timeout = timeout;
    }

    Answer upload(byte[] podcastingJson, Map<String, String> metadata, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(ingest.get() + "/v1/transcripts?" + query(metadata))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(podcastingJson));
        return send(request);
    }

    Answer delete(String id) throws IOException, InterruptedException {
        return send(request(ingest.get() + "/v1/transcripts/" + id).DELETE());
    }

    Answer status(String id) throws IOException, InterruptedException {
        return send(request(ingest.get() + "/v1/transcripts/" + id).GET());
    }

    /** A keyword search for one exact word (quoted: no typo tolerance), up to 10 episodes. */
    Answer search(String word) throws IOException, InterruptedException {
        return send(request(query.get() + "/v1/search?mode=keyword&size=10&q="
                        + URLEncoder.encode("\"" + word + "\"", StandardCharsets.UTF_8))
                .GET());
    }

    Answer episode(String id) throws IOException, InterruptedException {
        return send(request(query.get() + "/v1/episodes/" + id).GET());
    }

    /** A gauge of ingest's {@code /q/metrics} (on its management port), if it is exported. */
    Optional<Double> ingestGauge(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                request(ingestManagement.get() + "/q/metrics").GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.body()
                .lines()
                .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Authorization", authorization);
    }

    /** Sends a request; a call without an answer throws an {@link IOException} that names the instance and why. */
    private Answer send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpRequest request = builder.build();
        String to = request.uri().getAuthority();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new IOException(to + " timed out", e);
        } catch (ConnectException e) {
            throw new IOException(to + " refused", e);
        } catch (IOException e) {
            throw new IOException(to + " " + e.getClass().getSimpleName(), e);
        }
        JsonNode body = null;
        if (response.body().length > 0
                && response.headers().firstValue("Content-Type").orElse("").contains("json")) {
            body = JSON.readTree(response.body());
        }
        return new Answer(response.statusCode(), body, to);
    }

    private static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
