package dev.podsearch.alert.percolate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * JSON requests to OpenSearch through the client's generic API: the percolator's bodies are JSON that query-service
 * compiled, passed on as they are rather than rebuilt as typed objects.
 */
@ApplicationScoped
public class OpenSearchRequests {

    @Inject
    OpenSearchClient client;

    @Inject
    ObjectMapper json;

    /** Sends a request; the answer's JSON, or an {@link IllegalStateException} naming the status and the reason. */
    public JsonNode send(String method, String endpoint, JsonNode body) {
        try (Response response = execute(method, endpoint, body)) {
            String answer = response.getBody().map(Body::bodyAsString).orElse("{}");
            if (response.getStatus() >= 300) {
                throw new IllegalStateException(method + " " + endpoint + " answered " + response.getStatus() + ": "
                        + answer.substring(0, Math.min(answer.length(), 500)));
            }
            return json.readTree(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + endpoint + " failed", e);
        }
    }

    /**
     * Several searches of one index in one request ({@code _msearch}): each search's answer, in order, or an
     * {@link IllegalStateException} when the request or any one search failed.
     */
    public List<JsonNode> multiSearch(String index, List<? extends JsonNode> bodies) {
        if (bodies.isEmpty()) {
            return List.of();
        }
        StringBuilder lines = new StringBuilder();
        String header = json.createObjectNode().put("index", index).toString();
        try {
            for (JsonNode body : bodies) {
                lines.append(header)
                        .append('\n')
                        .append(json.writeValueAsString(body))
                        .append('\n');
            }
            var request = Requests.builder()
                    .method("POST")
                    .endpoint("/_msearch")
                    .body(Body.from(lines.toString().getBytes(StandardCharsets.UTF_8), "application/x-ndjson"));
            try (Response response = client.generic().execute(request.build())) {
                String answer = response.getBody().map(Body::bodyAsString).orElse("{}");
                if (response.getStatus() >= 300) {
                    throw new IllegalStateException("POST /_msearch answered " + response.getStatus() + ": "
                            + answer.substring(0, Math.min(answer.length(), 500)));
                }
                List<JsonNode> answers = new ArrayList<>();
                for (JsonNode one : json.readTree(answer).path("responses")) {
                    if (one.has("error")) {
                        throw new IllegalStateException("a search of " + index + " in /_msearch failed: "
                                + one.path("error")
                                        .path("reason")
                                        .asText(one.path("error").toString()));
                    }
                    answers.add(one);
                }
                if (answers.size() != bodies.size()) {
                    throw new IllegalStateException(
                            "/_msearch answered " + answers.size() + " of " + bodies.size() + " searches");
                }
                return answers;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("POST /_msearch failed", e);
        }
    }

    boolean exists(String endpoint) {
        return status(endpoint) == 200;
    }

    /** The status of a HEAD request: whether something exists. */
    public int status(String endpoint) {
        try (Response response = execute("HEAD", endpoint, null)) {
            return response.getStatus();
        } catch (IOException e) {
            throw new UncheckedIOException("HEAD " + endpoint + " failed", e);
        }
    }

    /** Creates something unless it exists (another replica may have created it a moment ago). */
    void putIfAbsent(String endpoint, JsonNode body) {
        try (Response response = execute("PUT", endpoint, body)) {
            String answer = response.getBody().map(Body::bodyAsString).orElse("");
            if (response.getStatus() >= 300 && !answer.contains("resource_already_exists_exception")) {
                throw new IllegalStateException(
                        "PUT " + endpoint + " answered " + response.getStatus() + ": " + answer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PUT " + endpoint + " failed", e);
        }
    }

    void deleteIfPresent(String endpoint) {
        try (Response response = execute("DELETE", endpoint, null)) {
            if (response.getStatus() >= 300 && response.getStatus() != 404) {
                throw new IllegalStateException("DELETE " + endpoint + " answered " + response.getStatus());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("DELETE " + endpoint + " failed", e);
        }
    }

    private Response execute(String method, String endpoint, JsonNode body) throws IOException {
        var request = Requests.builder().method(method).endpoint(endpoint);
        if (body != null) {
            request.body(Body.from(json.writeValueAsBytes(body), "application/json"));
        }
        return client.generic().execute(request.build());
    }
}
