package dev.podsearch.support.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Key checks against several ingest addresses (one that cannot be reached hands the question to the next), and the
 * cache in front of them (a burst with one new key asks once; a failed question is not kept).
 */
class KeyCheckClientTest {

    private final AtomicInteger asked = new AtomicInteger();
    private HttpServer ingest;

    @AfterEach
    void stop() {
        if (ingest != null) {
            ingest.stop(0);
        }
    }

    @Test
    void anAddressThatCannotBeReachedHandsTheCheckToTheNext() throws IOException {
        URI live = live();
        KeyCheckClient client =
                new KeyCheckClient(List.of(closedPort(), live), Optional.of("token"), new ObjectMapper());
        ApiKey key = ApiKey.generate();

        KeyOwner owner = client.ask(key).orElseThrow();
        assertEquals(key.id(), owner.id());
        assertEquals(Role.READ, owner.role());
        client.ask(key);
        assertEquals(2, asked.get(), "both checks answered by the live address");
    }

    @Test
    void noAddressReachedIsUnavailableNamingThemAll() throws IOException {
        URI first = closedPort();
        URI second = closedPort();
        KeyCheckClient client = new KeyCheckClient(List.of(first, second), Optional.empty(), new ObjectMapper());

        KeyCheckUnavailable failure = assertThrows(KeyCheckUnavailable.class, () -> client.ask(ApiKey.generate()));
        assertTrue(failure.getMessage().contains(first.toString()), failure.getMessage());
        assertTrue(failure.getMessage().contains(second.toString()), failure.getMessage());
    }

    @Test
    void aBurstOfRequestsWithOneNewKeyAsksOnce() throws Exception {
        KeyCache cache = new KeyCache(
                new KeyCheckClient(List.of(live()), Optional.empty(), new ObjectMapper()),
                Duration.ofMinutes(1),
                Duration.ofSeconds(5));
        ApiKey key = ApiKey.generate();
        int burst = 32;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newFixedThreadPool(burst)) {
            List<Future<Optional<KeyOwner>>> owners = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                owners.add(clients.submit(() -> {
                    start.await();
                    return cache.verify(key);
                }));
            }
            start.countDown();
            for (Future<Optional<KeyOwner>> owner : owners) {
                assertEquals(key.id(), owner.get().orElseThrow().id());
            }
        }
        assertEquals(1, asked.get(), "one question for " + burst + " requests with one key");
    }

    @Test
    void aCheckThatFailedIsAskedAgain() throws IOException {
        URI dead = closedPort();
        KeyCache cache = new KeyCache(
                new KeyCheckClient(List.of(dead), Optional.empty(), new ObjectMapper()),
                Duration.ofMinutes(1),
                Duration.ofSeconds(5));
        ApiKey key = ApiKey.generate();
        assertThrows(KeyCheckUnavailable.class, () -> cache.verify(key));
        KeyCheckUnavailable again = assertThrows(KeyCheckUnavailable.class, () -> cache.verify(key));
        assertTrue(again.getMessage().contains(dead.toString()), "asked again, not a kept failure: " + again);
    }

    private URI live() throws IOException {
        ingest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ingest.createContext(ServiceToken.CHECK_PATH, exchange -> {
            asked.incrementAndGet();
            try {
                Thread.sleep(200); // a slow ingest: the burst's requests all come while the first question is out
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String id = ApiKey.claimedId(
                    exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length()));
            byte[] body =
                    ("{\"id\":\"" + id + "\",\"name\":\"test\",\"role\":\"read\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ingest.start();
        return URI.create("http://127.0.0.1:" + ingest.getAddress().getPort());
    }

    /** An address nothing listens on: a port bound, then let go. */
    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
