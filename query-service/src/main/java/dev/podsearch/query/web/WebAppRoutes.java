package dev.podsearch.query.web;

import dev.podsearch.query.QueryConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The web app's own paths, beside the static files: its views other than {@code /} ({@code /episodes/{id}}, {@code
 * /upload}) answer the same page as {@code /} (the page picks the view from the path), and {@code /app-config} tells
 * the page its settings. HTTP routes rather than JAX-RS resources: pages, not API operations, so they stay out of the
 * OpenAPI document (and its contract test and fuzzer).
 */
@ApplicationScoped
public class WebAppRoutes {

    private static final String PAGE = "META-INF/resources/index.html";

    void routes(@Observes Router router, WebConfig web, QueryConfig query) {
        Buffer page = Buffer.buffer(read());
        String config = new JsonObject()
                .put("ingestUrl", web.ingestUrl())
                .put("requireKey", query.requireKey())
                .encode();
        router.get("/episodes/:id").handler(context -> html(context, page));
        router.get("/upload").handler(context -> html(context, page));
        router.get("/app-config").handler(context -> context.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache")
                .end(config));
    }

    private static void html(RoutingContext context, Buffer page) {
        context.response()
                .putHeader("Content-Type", "text/html;charset=UTF-8")
                .putHeader("Cache-Control", "no-cache")
                .end(page);
    }

    private static byte[] read() {
        try (InputStream in = WebAppRoutes.class.getClassLoader().getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException(PAGE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
