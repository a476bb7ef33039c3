package dev.podsearch.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verifier's rules, against a stand-in for the search and episode endpoints that answers what a test sets. */
class VerifierTest {

    /** Which episode ids a quoted search for a marker finds. */
    private final Map<String, List<String>> index = new ConcurrentHashMap<>();
    /** The revision of each episode document. */
    private final Map<String, Long> revisions = new ConcurrentHashMap<>();

    private HttpServer server;
    private Verifier verifier;
    private final Ledger ledger = new Ledger("t");

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/search", exchange -> {
            String q = URLDecoder.decode(
                            exchange.getRequestURI().getRawQuery().replaceAll(".*q=", ""), StandardCharsets.UTF_8)
                    .replace("\"", "");
            String results = index.getOrDefault(q, List.of()).stream()
                    .map(id -> "{\"episode\":{\"id\":\"" + id + "\"}}")
                    .collect(Collectors.joining(","));
            answer(exchange, 200, "{\"results\":[" + results + "]}");
        });
        server.createContext("/v1/episodes/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/v1/episodes/".length());
            Long revision = revisions.get(id);
            answer(exchange, revision == null ? 404 : 200, revision == null ? "{}" : "{\"revision\":" + revision + "}");
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        Api api = new Api(() -> url, () -> url, () -> url, "key", Duration.ofSeconds(2));
        verifier = new Verifier(api, new PoisonCheck(api, Path.of("target/no-drop")));
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** An episode with acknowledged revisions 1..n of the given markers. */
    private Episode episode(String id, String... markers) {
        Episode episode = ledger.newEpisode(Episode.Kind.NORMAL);
        for (int i = 0; i < markers.length; i++) {
            episode.record(new Episode.Write(markers[i], 12 - 3 * i, Attempts.Ack.ACKED, i + 1), id);
        }
        return episode;
    }

    private Verdict.Kind judge(Episode episode) throws Exception {
        return verifier.judge(episode).kind();
    }

    @Test
    void theLatestRevisionFoundOnceAndNothingOlderIsRight() throws Exception {
        Episode episode = episode("e1", "alpha", "beta");
        index.put("beta", List.of("e1"));
        revisions.put("e1", 2L);
        assertEquals(Verdict.Kind.OK, judge(episode));
    }

    @Test
    void aReplacedRevisionsTextStillFoundIsStale() throws Exception {
        Episode episode = episode("e1", "alpha", "beta");
        index.put("alpha", List.of("e1"));
        index.put("beta", List.of("e1"));
        revisions.put("e1", 2L);
        assertEquals(Verdict.Kind.STALE, judge(episode));
    }

    @Test
    void anEpisodeDocumentLeftAtAnOlderRevisionIsStale() throws Exception {
        Episode episode = episode("e1", "alpha", "beta");
        index.put("beta", List.of("e1"));
        revisions.put("e1", 1L);
        assertEquals(Verdict.Kind.STALE, judge(episode));
    }

    @Test
    void anAcknowledgedEpisodeNotFoundIsLost() throws Exception {
        Episode episode = episode("e1", "alpha");
        revisions.put("e1", 1L);
        assertEquals(Verdict.Kind.LOST, judge(episode));
    }

    @Test
    void aMarkerFoundInTwoEpisodesIsDuplicated() throws Exception {
        Episode episode = episode("e1", "alpha");
        index.put("alpha", List.of("e1", "e9"));
        revisions.put("e1", 1L);
        assertEquals(Verdict.Kind.DUPLICATED, judge(episode));
    }

    @Test
    void aDeletedEpisodeMustNotBeFound() throws Exception {
        Episode episode = episode("e1", "alpha");
        episode.record(new Episode.Write(null, 0, Attempts.Ack.ACKED, 2), null);
        assertEquals(Verdict.Kind.OK, judge(episode));
        index.put("alpha", List.of("e1"));
        assertEquals(Verdict.Kind.STALE, judge(episode));
    }

    @Test
    void aWriteWithAnUnknownOutcomeMayHaveLandedOrNot() throws Exception {
        Episode episode = episode("e1", "alpha");
        episode.record(new Episode.Write("beta", 9, Attempts.Ack.UNKNOWN, -1), null);
        index.put("alpha", List.of("e1"));
        assertEquals(Verdict.Kind.UNKNOWN_OK, judge(episode));
        index.remove("alpha");
        index.put("beta", List.of("e1"));
        assertEquals(Verdict.Kind.UNKNOWN_OK, judge(episode));
        index.put("alpha", List.of("e1")); // but not both
        assertEquals(Verdict.Kind.STALE, judge(episode));
    }
}
