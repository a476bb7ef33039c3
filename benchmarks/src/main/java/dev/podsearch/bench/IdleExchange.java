package dev.podsearch.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What one HTTP exchange costs on this machine between a client and a server that were idle: a Vert.x server (the
 * HTTP server Quarkus runs on, here in this JVM) that does nothing but answer, called after a pause like the time a
 * search takes. A service in front of the engine adds one such exchange to every search: that part of its overhead
 * is the machine's, not the service's code. (On a small virtual machine waking idle threads is expensive: the same
 * exchange back to back costs about a tenth of it.)
 */
final class IdleExchange {

    private static final int WARM_UP = 20_000;

    private IdleExchange() {}

    /** Latencies (ms) of {@code count} exchanges of {@code bytes}-byte answers, each after {@code pause} idle. */
    static List<Double> measure(HttpClient http, int bytes, Duration pause, int count) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Buffer answer = Buffer.buffer(new byte[bytes]);
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(request -> request.response()
                            .putHeader("Content-Type", "application/json")
                            .end(answer))
                    .listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/"))
                    .build();
            for (int i = 0; i < WARM_UP; i++) { // back to back, until the JIT has compiled both sides
                http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            }
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Thread.sleep(pause);
                long start = System.nanoTime();
                http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                latencies.add((System.nanoTime() - start) / 1e6);
            }
            return latencies;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
