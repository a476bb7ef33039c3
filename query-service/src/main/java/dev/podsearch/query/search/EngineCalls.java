package dev.podsearch.query.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.json.JsonpSerializable;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * Sends searches to the engine without blocking and binds the answers straight into {@link EngineResponse} (one
 * Jackson pass; the typed client's response model goes through JSON-P and re-reads every inner hit's source).
 */
@ApplicationScoped
public class EngineCalls {

    @Inject
    OpenSearchClient client;

    @Inject
    ObjectMapper json;

    /** POST {@code /<index>/_search}. */
    public CompletableFuture<EngineResponse> search(SearchRequest request) {
        String path = "/" + String.join(",", request.index()) + "/_search";
        return post(path, body(request)).thenApply(answer -> read(answer, EngineResponse.class));
    }

    /** POST {@code /_msearch}: the searches in one request; their answers (or errors) in order. */
    public CompletableFuture<List<EngineResponse>> multi(List<SearchRequest> requests) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        for (SearchRequest request : requests) {
            byte[] header = ("{\"index\":\"" + String.join(",", request.index()) + "\"}\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeBytes(header);
            out.writeBytes(body(request));
            out.write('\n');
        }
        return post("/_msearch", out.toByteArray(), "application/x-ndjson")
                .thenApply(answer -> read(answer, EngineResponse.Multi.class).responses());
    }

    /** The request as JSON, written by the typed client's own serializer (the body OpenSearch gets). */
    byte[] body(JsonpSerializable request) {
        JsonpMapper mapper = client._transport().jsonpMapper();
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator generator = mapper.jsonProvider().createGenerator(out)) {
            request.serialize(generator, mapper);
        }
        return out.toByteArray();
    }

    CompletableFuture<Response> post(String path, byte[] body) {
        return post(path, body, "application/json");
    }

    CompletableFuture<Response> post(String path, byte[] body, String contentType) {
        return client.generic()
                .executeAsync(Requests.create("POST", path, List.of(), Map.of(), Body.from(body, contentType)));
    }

    <T> T read(Response response, Class<T> type) {
        try (response) {
            Body answer = response.getBody()
                    .orElseThrow(
                            () -> new IOException("OpenSearch answered " + response.getStatus() + " without a body"));
            if (response.getStatus() >= 300) {
                throw new IllegalStateException(
                        "OpenSearch answered " + response.getStatus() + " to a search: " + answer.bodyAsString());
            }
            try (InputStream in = answer.body()) {
                return json.readValue(in, type);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("OpenSearch unreachable", e);
        }
    }
}
