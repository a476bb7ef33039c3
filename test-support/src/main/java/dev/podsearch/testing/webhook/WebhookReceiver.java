package dev.podsearch.testing.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on loopback, for the alert-service's delivery tests and the end-to-end alerts test: each path
 * answers the statuses it was scripted with, in turn, with the body {@link #answer} (the last one again after that; none: 200); {@link #SILENT} never
 * answers; a path never scripted answers 404. Every request is recorded before it is answered, so once the sender has
 * its answer the request is in {@link #requests}.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A scripted "answer" that never comes. */
    public static final int SILENT = -1;

    public record Request(
            String path, Instant at, String deliveryId, String timestamp, String signature, String body) {}

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL of {@code path}, which answers {@code statuses} in turn (none: 200). */
    public String script(String path, int... statuses) {
        Deque<Integer> answers = new ArrayDeque<>();
        for (int status : statuses) {
            answers.add(status);
        }
        if (answers.isEmpty()) {
            answers.add(200);
        }
        scripts.put(path, answers);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The requests to {@code path}, in arrival order. */
    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        requests.add(new Request(
                path,
                Instant.now(),
                headers.getFirst("Podsearch-Delivery-Id"),
                headers.getFirst("Podsearch-Timestamp"),
                headers.getFirst("Podsearch-Signature"),
                body));
        int status = next(path);
        if (status == SILENT) {
            try {
                closing.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] answer = answer(path, status).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    /** The body {@code path} answers with {@code status}: which request it was and what it answered. */
    public static String answer(String path, int status) {
        return "{\"received\":\"" + path + "\",\"status\":" + status + "}";
    }

    private synchronized int next(String path) {
        Deque<Integer> answers = scripts.get(path);
        if (answers == null || answers.isEmpty()) {
            return 404;
        }
        return answers.size() > 1 ? answers.poll() : answers.peek();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
