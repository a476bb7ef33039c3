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

    @Test
    void noFreeDatabaseConnectionOrALostOneIsA503() {
        // what Hibernate wraps when Agroal has no connection free within its acquisition timeout (a burst)
        Problem busy = ProblemMapper.toProblem(new IllegalStateException(
                "could not obtain a connection", new java.sql.SQLException("Sorry, acquisition timeout!")));
        assertEquals(503, busy.status());
        assertEquals(false, String.valueOf(busy.body()).contains("acquisition"));
        // SQLState class 08: the connection failed or broke (PostgreSQL restarting)
        Problem lost = ProblemMapper.toProblem(
                new IllegalStateException(new java.sql.SQLException("An I/O error occurred", "08006")));
        assertEquals(503, lost.status());
        Problem other = ProblemMapper.toProblem(
                new IllegalStateException(new java.sql.SQLException("duplicate key value", "23505")));
        assertEquals(500, other.status(), "a constraint broken is the code's fault, not an outage");
    }
}
