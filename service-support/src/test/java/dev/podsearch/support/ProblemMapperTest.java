package dev.podsearch.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Errors become problems; an error raised in an asynchronous step is reported as itself, not as its wrapper. */
class ProblemMapperTest {

    @Test
    void aKnownProblemKeepsItsStatusAndParameter() {
        Problem problem = ProblemMapper.toProblem(ProblemException.badParameter("q", "q is required"));
        assertEquals(400, problem.status());
        assertEquals("q", problem.body().get("parameter"));
    }

    @Test
    void anAsynchronousFailureIsUnwrapped() {
        Problem problem = ProblemMapper.toProblem(new CompletionException(
                ProblemException.badParameter("cursor", "cursor is not one this service issued")));
        assertEquals(400, problem.status());
        assertEquals("cursor", problem.body().get("parameter"));
        assertEquals("cursor is not one this service issued", problem.body().get("detail"));
    }

    @Test
    void anythingElseIsAnInternalErrorWithoutDetailsOfTheCode() {
        Problem problem = ProblemMapper.toProblem(new CompletionException(new IllegalStateException("secret")));
        assertEquals(500, problem.status());
        assertEquals(false, String.valueOf(problem.body()).contains("secret"));
    }

    @Test
    void aServerThatCannotBeReachedIsA503NotAnInternalError() {
        Problem problem = ProblemMapper.toProblem(new java.io.UncheckedIOException(
                "OpenSearch unreachable",
                new java.io.IOException(new java.net.ConnectException("Connection refused"))));
        assertEquals(503, problem.status());
        assertEquals(
                "https://podsearch.dev/problems/service-unavailable",
                problem.body().get("type"));
        assertEquals(false, String.valueOf(problem.body()).contains("Connection refused"));
    }
}
