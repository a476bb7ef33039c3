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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Key checks against several ingest addresses: one that cannot be reached hands the question to the next. */
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

    private URI live() throws IOException {
        ingest = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ingest.createContext(ServiceToken.CHECK_PATH, exchange -> {
            asked.incrementAndGet();
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
