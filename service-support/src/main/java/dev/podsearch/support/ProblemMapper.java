package dev.podsearch.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * The one exception mapper of a service: every error leaves as {@code application/problem+json}, and nothing internal
 * (class names, stack traces) reaches the client.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @Override
    public Response toResponse(Throwable error) {
        Problem problem = unsupportedType(error) && uriInfo != null && request != null
                ? UnsupportedMediaType.problem(
                        headers == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                        request.getMethod(),
                        uriInfo.getPath())
                : toProblem(error);
        if (uriInfo != null) {
            problem = problem.withInstance(uriInfo.getRequestUri().getRawPath());
        }
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.body())
                .build();
    }

    static Problem toProblem(Throwable error) {
        if (error instanceof java.util.concurrent.CompletionException wrapped && wrapped.getCause() != null) {
            error = wrapped.getCause(); // what failed in an asynchronous step
        }
        if (error instanceof ProblemException known) {
            return known.problem();
        }
        JsonProcessingException json = JsonProblems.find(error);
        if (json != null && badRequest(error)) { // the REST layer's 400 for a body it could not read
            return JsonProblems.of(json);
        }
        if (error instanceof ConstraintViolationException invalid) {
            ConstraintViolation<?> first =
                    invalid.getConstraintViolations().iterator().next();
            String path = first.getPropertyPath().toString();
            String parameter = path.substring(path.lastIndexOf('.') + 1);
            return Problem.of(
                    400,
                    "invalid-parameter",
                    "Invalid parameter",
                    parameter + ": " + first.getMessage(),
                    Map.of("parameter", parameter));
        }
        if (error instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String reason = web.getResponse().getStatusInfo().getReasonPhrase();
            return Problem.of(status, "http-" + status, reason, describe(status, reason), Map.of());
        }
        if (unreachable(error)) {
            Log.warnf("a server this service depends on cannot be reached: %s", error.toString());
            return Problem.of(
                    503,
                    "service-unavailable",
                    "Service unavailable",
                    "a server this service depends on cannot be reached right now; try again shortly",
                    Map.of());
        }
        Log.errorf(error, "unexpected error");
        return Problem.of(
                500,
                "internal-error",
                "Internal error",
                "the server failed to handle this request; it has been logged",
                Map.of());
    }

    private static boolean unsupportedType(Throwable error) {
        return error instanceof WebApplicationException web && web.getResponse().getStatus() == 415;
    }

    private static boolean badRequest(Throwable error) {
        return error instanceof WebApplicationException web && web.getResponse().getStatus() == 400;
    }

    /**
     * A connection refused somewhere down the cause chain (a database or engine that is down or restarting), a JDBC
     * connection failure (SQLState class 08), or no pooled database connection free in time (Agroal's acquisition
     * timeout, under a burst): all answered 503, try again, rather than 500.
     */
    static boolean unreachable(Throwable error) {
        Throwable cause = error;
        for (int depth = 0;
                cause != null && depth < 20;
                depth++, cause = cause.getCause()) { // bounded: causes may loop
            if (cause instanceof java.net.ConnectException
                    || cause instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql
                    && ((sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                            || String.valueOf(sql.getMessage()).contains("acquisition timeout"))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(int status, String reason) {
        return switch (status) {
            case 404 -> "no resource at this path";
            case 405 -> "this path does not accept that method";
            case 406 -> "no representation in the accepted media types";
            case 413 -> "the request body is larger than this service accepts (quarkus.http.limits.max-body-size)";
            default -> reason;
        };
    }
}
