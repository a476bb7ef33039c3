package dev.podsearch.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubectl is taken out of a Debian package served by a mirror: fetched once, checked, unpacked, executable. */
class KubectlTest {

    private static final byte[] KUBECTL = "#!/bin/sh\necho fake kubectl\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path home;

    private HttpServer mirror;
    private final Map<String, byte[]> packages = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startMirror() throws IOException {
        mirror = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        mirror.createContext("/debian/", exchange -> {
            requests.incrementAndGet();
            byte[] body = packages.get(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        mirror.start();
    }

    @AfterEach
    void stopMirror() {
        mirror.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + mirror.getAddress().getPort() + "/debian";
    }

    /** A .deb: an ar archive of debian-binary and data.tar.xz holding {@code ./usr/bin/<name>}. */
    private static byte[] deb(String name, byte[] content) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZCompressorOutputStream(data))) {
            TarArchiveEntry entry = new TarArchiveEntry("./usr/bin/" + name);
            entry.setSize(content.length);
            entry.setMode(0755);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        ByteArrayOutputStream deb = new ByteArrayOutputStream();
        try (ArArchiveOutputStream ar = new ArArchiveOutputStream(deb)) {
            byte[] version = "2.0\n".getBytes(StandardCharsets.US_ASCII);
            ar.putArchiveEntry(new ArArchiveEntry("debian-binary", version.length));
            ar.write(version);
            ar.closeArchiveEntry();
            ar.putArchiveEntry(new ArArchiveEntry("data.tar.xz", data.size()));
            ar.write(data.toByteArray());
            ar.closeArchiveEntry();
        }
        return deb.toByteArray();
    }

    /** Puts a package on the mirror; returns its path below the mirror. */
    private String serve(String version, byte[] deb) {
        String path = "pool/main/k/kubernetes/kubernetes-client_" + version + "_amd64.deb";
        packages.put("/debian/" + path, deb);
        return path;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void unpacksAnExecutableKubectlOnce() throws Exception {
        byte[] deb = deb("kubectl", KUBECTL);
        String path = serve("9.9", deb);

        Path kubectl = Kubectl.provision(new StackHome(home), url(), path, sha256(deb));
        assertTrue(Files.isExecutable(kubectl), kubectl + " is not executable");
        assertEquals(new String(KUBECTL, StandardCharsets.UTF_8), Files.readString(kubectl));
        assertEquals(home.resolve("dist/kubernetes-client_9.9_amd64/kubectl"), kubectl);

        assertEquals(kubectl, Kubectl.provision(new StackHome(home), url(), path, sha256(deb)));
        assertEquals(1, requests.get(), "the package is fetched once");
    }

    @Test
    void aPackageWithoutKubectlIsAClearError() throws Exception {
        byte[] deb = deb("kubeadm", KUBECTL);
        String path = serve("9.8", deb);

        UncheckedIOException error = assertThrows(
                UncheckedIOException.class, () -> Kubectl.provision(new StackHome(home), url(), path, sha256(deb)));
        assertTrue(error.getCause().getMessage().endsWith("has no executable usr/bin/kubectl"), error.toString());
    }

    @Test
    void aPackageThatIsNotThePinnedOneIsRefused() throws Exception {
        byte[] deb = deb("kubectl", KUBECTL);
        String path = serve("9.7", deb);

        UncheckedIOException error = assertThrows(
                UncheckedIOException.class,
                () -> Kubectl.provision(new StackHome(home), url(), path, sha256("other".getBytes())));
        assertTrue(error.getCause().getMessage().contains("checksum mismatch"), error.toString());
        assertTrue(Files.notExists(home.resolve("dist/kubernetes-client_9.7_amd64/kubectl")));
    }
}
