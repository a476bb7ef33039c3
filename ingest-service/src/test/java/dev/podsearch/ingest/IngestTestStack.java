package dev.podsearch.ingest;

import dev.podsearch.testing.stack.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against real PostgreSQL and Kafka, started once for the module run. */
@QuarkusTestResource(
        value = StackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka"),
        restrictToAnnotatedClass = false)
public final class IngestTestStack {
    private IngestTestStack() {}
}
