package dev.podsearch.bench.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP with the benchmark's key; a status other than the one expected is an exception naming the call. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer other than the one expected. */
    static final class Refused extends IllegalStateException {
        final int status;

        Refused(String message, int status) {
            super(message);
            this.status = status;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String authorization;

    Api(String authorization) {
        this.authorization = authorization;
    }

    JsonNode postJson(String url, Object body, int expected) {
        try {
            return send(
                    request(url)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))),
                    expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode postText(String url, String text, int expected) {
        return send(
                request(url)
                        .header("Content-Type", "text/plain; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(text)),
                expected);
    }

    JsonNode get(String url) {
        return send(request(url).GET(), 200);
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        HttpRequest built = request.build();
        try {
            HttpResponse<byte[]> response = client.send(built, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != expected) {
                throw new Refused(
                        built.method() + " " + built.uri() + " answered " + response.statusCode() + ": "
                                + new String(response.body()),
                        response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
