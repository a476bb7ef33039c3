package dev.podsearch.query.search;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The search path's own HTTP client to OpenSearch, on Vert.x: a search is sent, answered and written back on the
 * event loop that received it, with no hand-off to a worker thread or to the OpenSearch client's I/O threads (each
 * hand-off is a thread wake-up, and on 2 shared cores those cost milliseconds). Configured by the same properties
 * as the typed client: {@code opensearch.hosts} (round robin), {@code opensearch.username}/{@code .password},
 * {@code opensearch.tls.ca-file}, {@code opensearch.max-connections}.
 */
@ApplicationScoped
public class EngineHttp {

    /** An answer: its status and body. */
    public record Answer(int status, byte[] body) {}

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "opensearch.hosts", defaultValue = "http://127.0.0.1:9200")
    List<String> hosts;

    @ConfigProperty(name = "opensearch.username")
    Optional<String> username;

    @ConfigProperty(name = "opensearch.password")
    Optional<String> password;

    @ConfigProperty(name = "opensearch.tls.ca-file")
    Optional<Path> caFile;

    @ConfigProperty(name = "opensearch.max-connections", defaultValue = "32")
    int maxConnections;

    private HttpClient http;
    private List<URI> targets;
    private String authorization;
    private final AtomicInteger next = new AtomicInteger();

    @PostConstruct
    void start() {
        targets = hosts.stream().map(h -> URI.create(h.strip())).toList();
        HttpClientOptions options =
                new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true).setConnectTimeout(10_000);
        if (targets.stream().anyMatch(u -> "https".equals(u.getScheme()))) {
            options.setSsl(true);
            caFile.ifPresent(ca -> options.setTrustOptions(new PemTrustOptions().addCertPath(ca.toString())));
        }
        http = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(maxConnections));
        authorization = username.map(user -> "Basic "
                        + Base64.getEncoder()
                                .encodeToString((user + ":" + password.orElse("")).getBytes(StandardCharsets.UTF_8)))
                .orElse(null);
    }

    @PreDestroy
    void stop() {
        if (http != null) {
            http.close();
        }
    }

    /** POSTs a JSON body to {@code path}; the answer whatever its status (a failure only if none came). */
    public Uni<Answer> post(String path, byte[] body) {
        URI target = targets.get(Math.floorMod(next.getAndIncrement(), targets.size()));
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setSsl("https".equals(target.getScheme()))
                .setHost(target.getHost())
                .setPort(target.getPort() > 0 ? target.getPort() : 9200)
                .setURI(path)
                .putHeader("Content-Type", "application/json");
        if (authorization != null) {
            request.putHeader("Authorization", authorization);
        }
        return Uni.createFrom().completionStage(() -> http.request(request)
                .compose(r -> r.send(Buffer.buffer(body)))
                .compose(r -> r.body().map(b -> new Answer(r.statusCode(), b.getBytes())))
                .toCompletionStage());
    }
}
