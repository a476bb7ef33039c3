package dev.podsearch.ingest.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * A podcast host for the tests, on loopback: serves the fixtures under {@code /feeds/} with {@code {{base}}} set to
 * its address and each GUID made unique to this server, answers validators with 304 (strong ETags of the content),
 * gzips when asked, and records every request with its conditional headers.
 */
final class FeedServer implements AutoCloseable {

    /** A request as the server saw it. */
    record Seen(String path, String ifNoneMatch, String ifModifiedSince, String acceptEncoding) {}

    private static final String LAST_MODIFIED = "Tue, 07 Apr 2026 06:00:00 GMT";

    private final HttpServer server;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Function<FeedServer, byte[]>> routes = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    FeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The GUID a fixture's {@code tidewater-NNN} becomes on this server. */
    String guid(String fixtureGuid) {
        return fixtureGuid.replace("tidewater-", "tidewater-" + run + "-");
    }

    /** Serves the fixture {@code name} (placeholders filled) at {@code path}. */
    FeedServer fixture(String path, String name) {
        return route(path, s -> s.fill(FeedParserTest.fixture(name)));
    }

    FeedServer route(String path, Function<FeedServer, byte[]> body) {
        routes.put(path, body);
        return this;
    }

    FeedServer redirect(String path, String location) {
        redirects.put(path, location);
        return this;
    }

    byte[] fill(String fixture) {
        return fixture.replace("{{base}}", base())
                .replace("tidewater-", "tidewater-" + run + "-")
                .getBytes(StandardCharsets.UTF_8);
    }

    List<Seen> requestsFor(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        var headers = exchange.getRequestHeaders();
        seen.add(new Seen(
                path,
                headers.getFirst("If-None-Match"),
                headers.getFirst("If-Modified-Since"),
                headers.getFirst("Accept-Encoding")));
        try (exchange) {
            if (redirects.containsKey(path)) {
                exchange.getResponseHeaders().add("Location", redirects.get(path));
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            Function<FeedServer, byte[]> route = routes.get(path);
            if (route == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = route.apply(this);
            String etag = "\"" + sha256(body) + "\"";
            if (etag.equals(headers.getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
            String accept = headers.getFirst("Accept-Encoding");
            if (accept != null && accept.contains("gzip") && path.endsWith(".xml")) {
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                body = gzip(body);
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
