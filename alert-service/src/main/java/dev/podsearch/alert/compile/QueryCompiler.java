package dev.podsearch.alert.compile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.alert.AlertConfig;
import dev.podsearch.support.ProblemException;
import dev.podsearch.support.peers.PeerTls;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks query-service to compile an alert's q and filters ({@code POST /v1/queries/compile}): the alert service builds
 * no query of its own, so an alert fires for what the search finds. The caller's {@code Authorization} header goes
 * along (query-service may require a key). A 400 there is a 400 here, naming the same field; anything else is a 503.
 */
@ApplicationScoped
public class QueryCompiler {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    AlertConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    PeerTls peerTls;

    private volatile HttpClient http;

    /** The compiled alert; a {@link ProblemException} when q or a filter is refused or query-service cannot answer. */
    public CompiledAlert compile(
            String q, List<String> shows, List<String> speakers, String lang, String mode, String authorization) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("q", q);
        body.put("show", shows);
        body.put("speaker", speakers);
        body.put("lang", lang);
        body.put("mode", mode);
        HttpRequest.Builder request = HttpRequest.newBuilder(config.queryUrl().resolve("/v1/queries/compile"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = http().send(
                            request.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable("cannot be reached (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("was interrupted");
        }
        return read(response);
    }

    /** Over https:// query-service must show a certificate the peers' CA signed ({@link PeerTls}). */
    private HttpClient http() {
        if (http == null) {
            http = peerTls.client(Duration.ofSeconds(3));
        }
        return http;
    }

    private CompiledAlert read(HttpResponse<String> response) {
        try {
            if (response.statusCode() == 200) {
                return json.readValue(response.body(), CompiledAlert.class);
            }
            if (response.statusCode() == 400) {
                JsonNode problem = json.readTree(response.body());
                throw ProblemException.badParameter(
                        problem.path("parameter").asText("q"),
                        problem.path("detail").asText("invalid search"));
            }
            if (response.statusCode() == 401 || response.statusCode() == 403 || response.statusCode() == 429) {
                throw refused(response.statusCode(), json.readTree(response.body()));
            }
        } catch (IOException e) {
            throw unavailable("answered something that is not a compiled query");
        }
        Log.warnf("query-service answered %d to a compile request", response.statusCode());
        throw unavailable("answered " + response.statusCode());
    }

    /**
     * The caller's own key, refused or over its quota at query-service (the key is forwarded): the caller's problem,
     * said as query-service said it, not "search unavailable".
     */
    private static ProblemException refused(int status, JsonNode problem) {
        String type = problem.path("type").asText("");
        String slug = type.isEmpty()
                ? (status == 429 ? "rate-limited" : "forbidden")
                : type.substring(type.lastIndexOf('/') + 1);
        Map<String, Object> extensions = problem.has("retryAfter")
                ? Map.of("retryAfter", problem.path("retryAfter").asLong())
                : Map.of();
        return new ProblemException(
                status,
                slug,
                problem.path("title").asText("Refused by the search service"),
                "the search service, which compiles an alert's query with the caller's key, refused it: "
                        + problem.path("detail").asText("answered " + status),
                extensions);
    }

    private static ProblemException unavailable(String why) {
        return new ProblemException(
                503,
                "search-unavailable",
                "Search service unavailable",
                "the search service, which compiles an alert's query, " + why + "; try again later",
                Map.of());
    }
}
