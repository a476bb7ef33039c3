package dev.podsearch.bench.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.podsearch.support.outbound.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The benchmark's webhook receiver on loopback: answers 200 to every POST and records when each arrived (before it
 * reads the body: the time the sender's request reached it), its delivery id, signature headers and body. Its own
 * rather than test-support's WebhookReceiver: that module is test-scope only (it brings Quarkus' test API and
 * Testcontainers), and a benchmark only needs "answer 200, note the time".
 */
final class WebhookSink implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One webhook as it arrived. */
    record Received(Instant at, String deliveryId, String timestamp, String signature, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("a webhook body that is not JSON: " + body, e);
            }
        }

        /** Whether the signature verifies with {@code secret} (a timestamp within 5 minutes of its arrival). */
        boolean signedWith(String secret) {
            return WebhookSignature.verify(secret, timestamp, body, signature, WebhookSignature.DEFAULT_TOLERANCE, at);
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(8);
    private final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookSink() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL alerts send to. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** Everything received so far, in arrival order. */
    List<Received> received() {
        return List.copyOf(received);
    }

    int count() {
        return received.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        var headers = exchange.getRequestHeaders();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(
                at,
                headers.getFirst(WebhookSignature.DELIVERY_ID_HEADER),
                headers.getFirst(WebhookSignature.TIMESTAMP_HEADER),
                headers.getFirst(WebhookSignature.SIGNATURE_HEADER),
                body));
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
