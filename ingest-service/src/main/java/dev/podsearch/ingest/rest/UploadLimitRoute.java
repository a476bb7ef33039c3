package dev.podsearch.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.ingest.IngestConfig;
import dev.podsearch.ingest.UploadLimit;
import dev.podsearch.support.Problem;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Refuses an upload whose declared length is over {@code ingest.max-upload-bytes} before its body is read, with the
 * 413 problem. It runs before Quarkus' own check of {@code quarkus.http.limits.max-body-size}, which answers a bare
 * 413 without a body. Bodies without a declared length are limited while they stream ({@link UploadLimit#read}).
 */
@ApplicationScoped
public class UploadLimitRoute {

    @Inject
    IngestConfig config;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, "/v1/transcripts")
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(this::check);
    }

    private void check(RoutingContext context) {
        long max = config.maxUploadBytes().asLongValue();
        long length = declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length <= max) {
            context.next();
            return;
        }
        Problem problem =
                UploadLimit.problem(length, max).withInstance(context.request().path());
        try {
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close") // the body it is still sending is not read
                    .end(json.writeValueAsString(problem.body()));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1; // the HTTP layer refuses it
        }
    }
}
