package dev.podsearch.testing.access;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For the tests of index-service and query-service: stands in for the ingest service's {@code GET /v1/access/whoami},
 * which they ask about keys. It knows an admin key, an ingest key and two read keys (one with its own rate), and answers 401 to anything else
 * (the revoked key among them). Like the ingest service under load, it answers 429 to a check that does not carry
 * the shared service token ({@link #SERVICE_TOKEN}): a service that forgot to send it fails its tests with 503s. Sets
 * {@code access.verify-url} to itself and {@code access.service-token}.
 */
public class KeyCheckStub implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN = "ps_indexadmin_" + "a".repeat(43);
    public static final String INGEST = "ps_indexingst_" + "b".repeat(43);
    public static final String READ = "ps_indexread0_" + "c".repeat(43);
    public static final String REVOKED = "ps_indexrevkd_" + "d".repeat(43);

    /** A read key created with a rate of its own, 8 a minute. */
    public static final String OWN_RATE = "ps_indexrated_" + "f".repeat(43);

    /** The service token the tests' services share with the stub. */
    public static final String SERVICE_TOKEN = "test-service-token";

    /** How many times the stub was asked: valid answers are cached, so a second use of a key asks no one. */
    public static final AtomicInteger ASKED = new AtomicInteger();

    private static final Map<String, String> KNOWN = Map.of(
            ADMIN, "{\"id\":\"indexadmin\",\"name\":\"ops\",\"role\":\"admin\"}",
            INGEST, "{\"id\":\"indexingst\",\"name\":\"uploader\",\"role\":\"ingest\"}",
            READ, "{\"id\":\"indexread0\",\"name\":\"reader\",\"role\":\"read\"}",
            OWN_RATE, "{\"id\":\"indexrated\",\"name\":\"partner\",\"role\":\"read\",\"rate\":\"8/min\"}");

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = create(new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/access/whoami", exchange -> {
            ASKED.incrementAndGet();
            if (!SERVICE_TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Podsearch-Service-Token"))) {
                byte[] refused = "{\"status\":429}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(429, refused.length);
                exchange.getResponseBody().write(refused);
                exchange.close();
                return;
            }
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            String body = header == null ? null : KNOWN.get(header.replaceFirst("^Bearer ", ""));
            byte[] bytes = (body == null ? "{\"status\":401}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 401 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        // the verifier's revocation poll (RevocationPoller): nothing is ever revoked here but REVOKED, unknown anyway
        server.createContext("/v1/access/revocations", exchange -> {
            boolean service = SERVICE_TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Podsearch-Service-Token"));
            byte[] bytes = (service
                            ? "{\"now\":\"" + java.time.Instant.now() + "\",\"revoked\":[]}"
                            : "{\"status\":401}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(service ? 200 : 401, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        Map<String, String> config = new java.util.HashMap<>(settings());
        config.put("access.verify-url", url(server.getAddress().getPort()));
        config.put("access.service-token", SERVICE_TOKEN);
        return config;
    }

    /** The stub's server, not yet started (plain HTTP here). */
    protected HttpServer create(InetSocketAddress address) throws IOException {
        return HttpServer.create(address, 0);
    }

    /** Its address, as the service under test is given it in {@code access.verify-url}. */
    protected String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** More settings for the service under test. */
    protected Map<String, String> settings() {
        return Map.of();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
