package dev.podsearch.support.access;

import dev.podsearch.support.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Applies {@link RateLimitConfig} (through {@link RateLimiter}: filters are made at static init, before runtime
 * configuration) to requests under /v1/ and /admin/. A request with a valid key counts against that key's quota,
 * whatever its address; an anonymous GET counts against the client address (anonymous calls to protected routes
 * are refused by authentication before they get here). The services' own key checks ({@link ServiceToken}) count
 * against nothing. Every counted answer carries {@code RateLimit-Limit}, {@code -Remaining} and {@code -Reset}
 * ({@link RateLimitState}); over the limit: 429 problem with {@code Retry-After}.
 */
public class RateLimitFilter {

    @Inject
    RateLimiter limiter;

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    Refusals refusals;

    @Inject
    ServiceToken serviceToken;

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext context, HttpServerRequest request) {
        String path = request.path();
        boolean api = path.startsWith("/v1/") || path.equals("/admin") || path.startsWith("/admin/");
        if (!api || request.method() == HttpMethod.OPTIONS || serviceToken.isServiceCheck(request)) {
            return Uni.createFrom().nullItem();
        }
        return identities
                .getDeferredIdentity()
                .map(identity ->
                        identity.isAnonymous() ? byAddress(context, request) : byKey(identity, context, request))
                // keys that cannot be checked right now (ingest unreachable): a public route still answers, counted
                // by address; a protected route refuses the call anyway. A key that is not valid (unknown, revoked,
                // malformed) is refused everywhere, public routes included (AccessProblems: 401), so its holder
                // learns it at once rather than being served, and limited, as an anonymous caller
                .onFailure(AccessProblems::causedByUnavailableCheck)
                .recoverWithItem(() -> byAddress(context, request));
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(RateLimitState.PROPERTY) instanceof RateLimitState state) {
            response.getHeaders().putSingle("RateLimit-Limit", state.limit());
            response.getHeaders().putSingle("RateLimit-Remaining", state.remaining());
            response.getHeaders().putSingle("RateLimit-Reset", state.reset());
        }
    }

    private Response byAddress(ContainerRequestContext context, HttpServerRequest request) {
        boolean read = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
        if (!read || !request.path().startsWith("/v1/")) {
            return null;
        }
        String address = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
        return check(limiter.take(limiter.reads(), address), "-", "reads from this address", context, request);
    }

    private Response byKey(SecurityIdentity identity, ContainerRequestContext context, HttpServerRequest request) {
        String keyId = identity.getPrincipal().getName();
        Role role = identity.getAttribute(ApiKeyIdentityProvider.KEY_ROLE);
        if (role == null) {
            return null; // another service (ServiceToken): counted against nothing
        }
        Quota own = identity.getAttribute(ApiKeyIdentityProvider.KEY_QUOTA);
        Optional<RateLimitState> state = limiter.forKey(role, own).flatMap(limit -> limiter.take(limit, keyId));
        return check(state, keyId, "requests with this key", context, request);
    }

    private Response check(
            Optional<RateLimitState> taken,
            String keyId,
            String what,
            ContainerRequestContext context,
            HttpServerRequest request) {
        if (taken.isEmpty()) {
            return null;
        }
        RateLimitState state = taken.get();
        context.setProperty(RateLimitState.PROPERTY, state);
        if (!state.refused()) {
            return null;
        }
        refusals.record("rate-limited", keyId, request.method().name(), request.path());
        Problem problem = Problem.of(
                        429,
                        "rate-limited",
                        "Too many requests",
                        "too many " + what + "; try again in " + state.retryAfter() + " s",
                        Map.of("retryAfter", state.retryAfter()))
                .withInstance(request.path());
        return Response.status(429)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, state.retryAfter())
                .header("RateLimit-Limit", state.limit())
                .header("RateLimit-Remaining", 0)
                .header("RateLimit-Reset", state.reset())
                .entity(problem.body())
                .build();
    }
}
