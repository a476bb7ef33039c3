package dev.podsearch.support;

import java.util.Map;

/** Thrown anywhere in a request to answer with a problem detail. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public ProblemException(int status, String slug, String title, String detail, Map<String, Object> extensions) {
        this(Problem.of(status, slug, title, detail, extensions));
    }

    public Problem problem() {
        return problem;
    }

    /** 400: a query parameter, header or field has a value the API cannot use. */
    public static ProblemException badParameter(String parameter, String detail) {
        return new ProblemException(
                400, "invalid-parameter", "Invalid parameter", detail, Map.of("parameter", parameter));
    }

    /** 404: nothing has this id. */
    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", "Not found", "no " + what + " with id '" + id + "'", Map.of());
    }
}
