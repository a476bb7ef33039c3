package dev.podsearch.support.access;

import dev.podsearch.support.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals as problems. 401 for a missing, malformed, unknown, wrong or revoked key alike, with {@code
 * WWW-Authenticate} and the same words whatever was wrong; 403 for a valid key whose role does not allow the call;
 * 503 when the keys cannot be checked.
 */
public class AccessProblems {

    static final Problem UNAUTHENTICATED = Problem.of(
            401,
            "unauthenticated",
            "Unauthenticated",
            "this endpoint needs a valid API key: send 'Authorization: Bearer <key>'",
            Map.of());

    @Inject
    Refusals refusals;

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException error, HttpServerRequest request) {
        if (causedByUnavailableCheck(error)) {
            return keyCheckUnavailable(new KeyCheckUnavailable(error.getMessage(), error), request);
        }
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException error, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException error, HttpServerRequest request) {
        refusals.record("forbidden", keyId(request), request.method().name(), request.path());
        Problem problem = Problem.of(
                        403,
                        "forbidden",
                        "Forbidden",
                        "this key's role does not allow this call; ask for a key with the role it needs",
                        Map.of())
                .withInstance(request.path());
        return respond(problem).build();
    }

    @ServerExceptionMapper
    public Response keyCheckUnavailable(KeyCheckUnavailable error, HttpServerRequest request) {
        refusals.record(
                "key-check-unavailable", keyId(request), request.method().name(), request.path());
        Problem problem = Problem.of(
                        503,
                        "service-unavailable",
                        "Service unavailable",
                        "API keys cannot be checked right now; try again shortly",
                        Map.of())
                .withInstance(request.path());
        return respond(problem).build();
    }

    private Response unauthenticated(HttpServerRequest request) {
        refusals.record("unauthenticated", keyId(request), request.method().name(), request.path());
        return respond(UNAUTHENTICATED.withInstance(request.path()))
                .header(HttpHeaders.WWW_AUTHENTICATE, ApiKeyMechanism.CHALLENGE)
                .build();
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.body());
    }

    /** The key id the request claims (public), or "-" when it sent none or nothing like a key. */
    static String keyId(HttpServerRequest request) {
        return ApiKeyMechanism.bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION))
                .map(ApiKey::claimedId)
                .orElse("-");
    }

    /** Whether the keys could not be checked (as opposed to a key that is not valid). */
    static boolean causedByUnavailableCheck(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof KeyCheckUnavailable) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
