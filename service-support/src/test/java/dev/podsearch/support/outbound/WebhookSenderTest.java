package dev.podsearch.support.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender against a real HTTP receiver on loopback (allowed here, as the local stack allows it). */
class WebhookSenderTest {

    private static final String SECRET = WebhookSignature.newSecret();
    private static final String BODY = "{\"alert\":{\"id\":\"a-1\"},\"moments\":[{\"startMs\":61000}]}";
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private record Received(String path, Headers headers, String body) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer receiver;
    private WebhookSender sender;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(handlers);
        receiver.createContext("/ok", exchange -> answer(exchange, 204, ""));
        receiver.createContext("/busy", exchange -> answer(exchange, 503, "x".repeat(10_000)));
        receiver.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/ok");
            answer(exchange, 302, "");
        });
        receiver.createContext("/silent", exchange -> {
            record(exchange);
            awaitRelease();
            exchange.close();
        });
        receiver.start();
        sender = sender(OutboundUrlGuard.allowing(List.of("127.0.0.0/8", "::1")));
    }

    @AfterEach
    void stop() {
        release.countDown();
        sender.close();
        receiver.stop(0);
        handlers.shutdownNow();
    }

    @Test
    void postsTheJsonSignedSoTheReceiverCanVerifyIt() {
        SendResult result = sender.send(url("/ok"), "delivery-1", SECRET, BODY);

        assertTrue(result.delivered(), result.toString());
        assertEquals(204, result.statusCode());
        assertEquals(Optional.empty(), result.error());
        assertEquals(1, received.size());
        Received request = received.getFirst();
        assertEquals(BODY, request.body());
        assertEquals("application/json", request.headers().getFirst("Content-Type"));
        assertEquals("delivery-1", request.headers().getFirst(WebhookSignature.DELIVERY_ID_HEADER));
        assertEquals("1796637600", request.headers().getFirst(WebhookSignature.TIMESTAMP_HEADER));
        assertTrue(WebhookSignature.verify(
                SECRET,
                request.headers().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                request.body(),
                request.headers().getFirst(WebhookSignature.SIGNATURE_HEADER),
                WebhookSignature.DEFAULT_TOLERANCE,
                NOW));
    }

    @Test
    void keepsOnlyAnExcerptOfAFailedAnswer() {
        SendResult result = sender.send(url("/busy"), "delivery-2", SECRET, BODY);

        assertFalse(result.delivered());
        assertEquals(503, result.statusCode());
        assertEquals(Optional.of("receiver answered 503"), result.error());
        assertEquals("x".repeat(WebhookSender.EXCERPT_CHARS), result.excerpt());
    }

    @Test
    void neverFollowsARedirect() {
        SendResult result = sender.send(url("/moved"), "delivery-3", SECRET, BODY);

        assertEquals(302, result.statusCode());
        assertEquals(Optional.of("redirect not followed (to /ok)"), result.error());
        assertEquals(List.of("/moved"), received.stream().map(Received::path).toList());
    }

    @Test
    void givesUpOnAReceiverThatNeverAnswers() {
        SendResult result = sender.send(url("/silent"), "delivery-4", SECRET, BODY);

        assertEquals(0, result.statusCode());
        assertEquals(Optional.of("no answer within 500 ms"), result.error());
        assertTrue(
                result.duration().compareTo(Duration.ofMillis(500)) >= 0,
                result.duration().toString());
        assertTrue(
                result.duration().compareTo(Duration.ofSeconds(5)) < 0,
                result.duration().toString());
        assertEquals(1, received.size(), "it was sent, then abandoned");
    }

    @Test
    void refusesLoopbackWithoutConnectingUnlessAllowed() {
        try (WebhookSender strict = sender(OutboundUrlGuard.strict())) {
            SendResult result = strict.send(url("/ok"), "delivery-5", SECRET, BODY);

            assertEquals(0, result.statusCode());
            assertTrue(result.error().orElseThrow().startsWith("refused: host '127.0.0.1' resolves to 127.0.0.1,"));
            assertTrue(received.isEmpty());
        }
    }

    @Test
    void saysSoWhenNothingListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SendResult result = sender.send("http://127.0.0.1:" + closedPort + "/ok", "delivery-6", SECRET, BODY);

        assertEquals(0, result.statusCode());
        assertEquals(Optional.of("could not connect: connection refused"), result.error());
    }

    private WebhookSender sender(OutboundUrlGuard guard) {
        return new WebhookSender(
                guard, Duration.ofSeconds(2), Duration.ofMillis(500), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private void record(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body));
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        record(exchange);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
