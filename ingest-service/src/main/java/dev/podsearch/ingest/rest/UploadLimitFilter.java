package dev.podsearch.ingest.rest;

import dev.podsearch.ingest.IngestConfig;
import dev.podsearch.support.Problem;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an upload whose declared length is over {@code ingest.max-upload-bytes} before its body is read, with a
 * problem detail. (The HTTP layer's own limit, {@code quarkus.http.limits.max-body-size}, is set higher and only
 * catches bodies that declare no length.)
 */
public class UploadLimitFilter {

    // Resolved per request: pre-matching filters are built before the runtime configuration exists.
    @Inject
    Provider<IngestConfig> config;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(ContainerRequestContext request) {
        long max = config.get().maxUploadBytes().asLongValue();
        long length = request.getLength();
        if (!"POST".equals(request.getMethod()) || length <= max) {
            return Optional.empty();
        }
        Problem problem = Problem.of(
                413,
                "upload-too-large",
                "Upload too large",
                "the upload is " + length + " bytes; the limit is " + max + " bytes (ingest.max-upload-bytes)",
                Map.of("limit", max));
        return Optional.of(Response.status(413)
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(request.getUriInfo().getPath()).body())
                .build());
    }
}
