package dev.podsearch.support;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A JSON body whose field has a value of the wrong type, as the {@code invalid-json} problem naming the field. It
 * exists beside {@link ProblemMapper} only because Quarkus registers a mapper of its own for exactly this exception
 * (which answers plain JSON, not a problem) and the most specific mapper wins; this one is ahead of it.
 */
@Provider
@Priority(Priorities.USER - 100)
public class InvalidJsonMapper implements ExceptionMapper<MismatchedInputException> {

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(MismatchedInputException error) {
        // only a request body the client sent is the client's fault; JSON the service reads itself is not
        boolean body = headers != null && headers.getMediaType() != null;
        Problem problem = body ? JsonProblems.of(error) : ProblemMapper.toProblem(new IllegalStateException(error));
        if (uriInfo != null) {
            problem = problem.withInstance(uriInfo.getRequestUri().getRawPath());
        }
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.body())
                .build();
    }
}
