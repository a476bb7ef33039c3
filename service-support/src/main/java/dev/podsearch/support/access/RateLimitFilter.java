package dev.podsearch.support.access;

import dev.podsearch.support.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.OptionalLong;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies {@link RateLimitConfig} (through {@link RateLimiter}: filters are made at static init, before runtime
 * configuration): GETs under /v1/ count against the client address, writes under /v1/ and /admin/
 * against the key that made them (writes without a valid key are refused by authentication, not counted). Over the
 * limit: 429 problem with {@code Retry-After}.
 */
public class RateLimitFilter {

    @Inject
    RateLimiter limiter;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    Refusals refusals;

    @ServerRequestFilter
    public Uni<Response> limit(HttpServerRequest request) {
        String path = request.path();
        HttpMethod method = request.method();
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        if (read && path.startsWith("/v1/")) {
            String address = request.remoteAddress() == null
                    ? "unknown"
                    : request.remoteAddress().hostAddress();
            return Uni.createFrom().item(check(limiter.reads(), address, "-", request));
        }
        if (!read && method != HttpMethod.OPTIONS && (path.startsWith("/v1/") || path.startsWith("/admin/"))) {
            if (limiter.writes().off()) {
                return Uni.createFrom().nullItem();
            }
            return identities.getDeferredIdentity().map(identity -> byKey(identity, request));
        }
        return Uni.createFrom().nullItem();
    }

    private Response byKey(SecurityIdentity identity, HttpServerRequest request) {
        if (identity.isAnonymous()) {
            return null; // the endpoint's security refuses it, or it is public
        }
        String keyId = identity.getPrincipal().getName();
        return check(limiter.writes(), keyId, keyId, request);
    }

    private Response check(RateLimit limit, String client, String keyId, HttpServerRequest request) {
        OptionalLong wait = limiter.take(limit, client);
        if (wait.isEmpty()) {
            return null;
        }
        refusals.record("rate-limited", keyId, request.method().name(), request.path());
        String who = "reads".equals(limit.name()) ? "this address" : "this key";
        Problem problem = Problem.of(
                        429,
                        "rate-limited",
                        "Too many requests",
                        "too many " + limit.name() + " from " + who + "; try again in " + wait.getAsLong() + " s",
                        Map.of("retryAfter", wait.getAsLong()))
                .withInstance(request.path());
        return Response.status(429)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, wait.getAsLong())
                .entity(problem.body())
                .build();
    }
}
