package dev.podsearch.query.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.podsearch.support.access.ApiKey;
import dev.podsearch.support.access.KeyCheckClient;
import dev.podsearch.support.access.KeyCheckUnavailable;
import dev.podsearch.support.access.KeyOwner;
import dev.podsearch.support.access.Role;
import dev.podsearch.testing.tls.TestCa;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * service-support's key check client over TLS, on real HTTPS servers: it trusts the internal CA it is given and only
 * it, so an ingest service whose certificate that CA signed answers, and one whose certificate another CA signed
 * (an impostor, or a service of another cluster) is refused at the handshake, quickly and saying why, with the key
 * never sent.
 */
class KeyCheckTlsTest {

    @TempDir
    Path dir;

    private final List<HttpsServer> servers = new ArrayList<>();
    private final AtomicInteger keysSeen = new AtomicInteger();

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    /** An ingest stand-in over HTTPS with a certificate {@code ca} issued for localhost; every key is a read key. */
    private URI ingest(TestCa ca) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(TestCa.serving(ca.issue("localhost"))));
        server.createContext("/v1/access/whoami", exchange -> {
            keysSeen.incrementAndGet();
            String id = exchange.getRequestHeaders()
                    .getFirst("Authorization")
                    .substring("Bearer ps_".length(), "Bearer ps_".length() + 10);
            byte[] body =
                    ("{\"id\":\"" + id + "\",\"name\":\"reader\",\"role\":\"read\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return URI.create("https://localhost:" + server.getAddress().getPort());
    }

    @Test
    void asksAnIngestServiceWhoseCertificateTheInternalCaSigned() throws IOException {
        TestCa internal = TestCa.create(dir, "internal-ca");
        KeyCheckClient client = new KeyCheckClient(
                List.of(ingest(internal)), Optional.of("token"), new ObjectMapper(), Optional.of(internal.trusting()));
        ApiKey key = ApiKey.generate();

        KeyOwner owner = client.ask(key).orElseThrow();
        assertEquals(key.id(), owner.id());
        assertEquals(Role.READ, owner.role());
    }

    @Test
    void refusesAServerWhoseCertificateAnotherCaSignedQuicklyAndSaysWhy() throws IOException {
        TestCa internal = TestCa.create(dir, "internal-ca");
        URI impostor = ingest(TestCa.create(dir, "other-ca"));
        KeyCheckClient client = new KeyCheckClient(
                List.of(impostor), Optional.of("token"), new ObjectMapper(), Optional.of(internal.trusting()));

        KeyCheckUnavailable refused = assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> assertThrows(KeyCheckUnavailable.class, () -> client.ask(ApiKey.generate())));
        assertTrue(refused.getMessage().contains(impostor.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("TLS refused"), refused.getMessage());
        assertTrue(refused.getMessage().contains("peers.tls-configuration-name"), refused.getMessage());
        assertEquals(0, keysSeen.get(), "the key reached the impostor");
    }

    @Test
    void anImpostorFirstInTheListHandsTheCheckToTheTrustedNext() throws IOException {
        TestCa internal = TestCa.create(dir, "internal-ca");
        URI impostor = ingest(TestCa.create(dir, "other-ca"));
        KeyCheckClient client = new KeyCheckClient(
                List.of(impostor, ingest(internal)),
                Optional.of("token"),
                new ObjectMapper(),
                Optional.of(internal.trusting()));

        assertTrue(client.ask(ApiKey.generate()).isPresent());
        assertEquals(1, keysSeen.get(), "only the trusted server saw the key");
    }
}
