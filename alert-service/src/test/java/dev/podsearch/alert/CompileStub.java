package dev.podsearch.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Stands in for query-service's {@code POST /v1/queries/compile}: answers each of test-support's {@code
 * compile-samples} requests with the sample's answer, which query-service's CompileResourceTest checks is what it
 * answers. mode=hybrid gets the keyword sample's query and filter with {@link #QUERY_VECTOR} and the floor (no model
 * here). q without words and a lang
 * that is no tag get query-service's 400 problems. Sets {@code alerts.query-url} to itself.
 */
public class CompileStub implements QuarkusTestResourceLifecycleManager {

    static final List<String> SAMPLES =
            List.of("fog", "fog-not-ship", "fog-coastal-hours", "fog-horn-phrase", "sourdough");

    /** A q query-service answers 429 for here, as it would for a key over its quota. */
    public static final String OVER_QUOTA = "over quota";

    /** The Authorization headers of the compile requests, in order. */
    public static final List<String> AUTHORIZATIONS = java.util.Collections.synchronizedList(new ArrayList<>());

    /** The vector of every hybrid alert here: the first unit vector of the moments' 384 dimensions. */
    public static final float[] QUERY_VECTOR = unit(0);

    /** The unit vector along dimension {@code axis} (of 384). */
    public static float[] unit(int axis) {
        float[] v = new float[384];
        v[axis] = 1f;
        return v;
    }

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final List<JsonNode> samples = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        for (String name : SAMPLES) {
            try (InputStream in = CompileStub.class.getResourceAsStream("/compile-samples/" + name + ".json")) {
                samples.add(JSON.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/queries/compile", this::compile);
        server.start();
        return Map.of(
                "alerts.query-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void compile(HttpExchange exchange) throws IOException {
        AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        ObjectNode request = (ObjectNode) JSON.readTree(exchange.getRequestBody());
        String q = request.path("q").asText("");
        String lang =
                request.path("lang").isNull() ? null : request.path("lang").asText();
        if (q.equals(OVER_QUOTA)) { // the caller's key over its quota at query-service
            answer(
                    exchange,
                    429,
                    JSON.createObjectNode()
                            .put("type", "https://podsearch.dev/problems/rate-limited")
                            .put("title", "Too many requests")
                            .put("status", 429)
                            .put("detail", "too many requests with this key; try again in 7 s")
                            .put("retryAfter", 7));
            return;
        }
        if (q.replaceAll("[^\\p{L}\\p{N}]", "").isEmpty()) {
            answer(exchange, 400, problem("q", "q has no words to search for"));
            return;
        }
        if (lang != null && !LANGUAGE.matcher(lang).matches()) {
            answer(exchange, 400, problem("lang", "lang '" + lang + "' is not a language tag such as en or pt-BR"));
            return;
        }
        boolean hybrid = "hybrid".equals(request.path("mode").asText());
        request.put("mode", "keyword");
        for (JsonNode sample : samples) {
            if (sample.path("request").equals(request)) {
                ObjectNode answer = sample.path("answer").deepCopy();
                if (hybrid) {
                    answer.put("mode", "hybrid").put("meaning", q).put("floor", 0.649);
                    answer.put("hubnessMinimum", 0.4)
                            .put("hubnessTypical", 0.63)
                            .put("hubnessWeight", 0.25);
                    var vector = answer.putArray("vector");
                    for (float v : QUERY_VECTOR) {
                        vector.add(v);
                    }
                }
                answer(exchange, 200, answer);
                return;
            }
        }
        answer(exchange, 500, problem("q", "no compile sample for " + request));
    }

    private static ObjectNode problem(String parameter, String detail) {
        return JSON.createObjectNode()
                .put("type", "https://podsearch.dev/problems/invalid-parameter")
                .put("status", 400)
                .put("detail", detail)
                .put("parameter", parameter);
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders()
                .add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
