package dev.podsearch.index.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/** Requests to the engine that the typed client has no method for, with JSON bodies. */
@ApplicationScoped
public class EngineCalls {

    private final OpenSearchClient client;
    private final ObjectMapper json;

    EngineCalls(OpenSearchClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /** A request whose answer the caller reads; the caller closes the response. */
    public Response request(String method, String path, byte[] body) throws IOException {
        return client.generic()
                .execute(Requests.create(
                        method, path, List.of(), Map.of(), body == null ? null : Body.from(body, "application/json")));
    }

    /** A request whose JSON answer is wanted; fails on an error status. */
    public JsonNode call(String method, String path, Object body) throws IOException {
        byte[] bytes = body == null ? null : json.writeValueAsBytes(body);
        try (Response response = request(method, path, bytes)) {
            String answer = response.getBody().map(Body::bodyAsString).orElse("{}");
            if (response.getStatus() >= 300) {
                throw new IOException(method + " " + path + " answered " + response.getStatus() + ": " + answer);
            }
            return json.readTree(answer);
        }
    }
}
