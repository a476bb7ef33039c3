package dev.podsearch.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on 127.0.0.1 for {@link AlertsIT}: records every request; each path answers the statuses it was
 * scripted with, in turn, then 200.
 */
final class WebhookReceiver implements AutoCloseable {

    record Request(String path, String deliveryId, String timestamp, String signature, String body) {}

    private final HttpServer server;
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL of {@code path}, which answers {@code statuses} first, then 200. */
    String url(String path, int... statuses) {
        Deque<Integer> answers = new ArrayDeque<>();
        for (int status : statuses) {
            answers.add(status);
        }
        scripts.put(path, answers);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The requests to {@code path}, in arrival order. */
    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        Deque<Integer> script = scripts.get(path);
        Integer scripted = script == null ? null : script.poll();
        int status = scripted == null ? 200 : scripted;
        // recorded before answering: once the sender sees the answer, the request is in the list
        requests.add(new Request(
                path,
                headers.getFirst("Podsearch-Delivery-Id"),
                headers.getFirst("Podsearch-Timestamp"),
                headers.getFirst("Podsearch-Signature"),
                body));
        byte[] answer = (status == 200 ? "ok" : "down").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        try (var out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
