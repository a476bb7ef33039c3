package dev.podsearch.alert;

import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module compiles alerts with a stand-in for query-service ({@link CompileStub}). */
@QuarkusTestResource(value = CompileStub.class, restrictToAnnotatedClass = false)
public final class AlertCompileStub {
    private AlertCompileStub() {}
}
