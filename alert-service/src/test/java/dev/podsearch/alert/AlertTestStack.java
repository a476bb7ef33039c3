package dev.podsearch.alert;

import dev.podsearch.testing.stack.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against real PostgreSQL, Kafka and OpenSearch, started once for the module run. */
@QuarkusTestResource(
        value = StackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,opensearch"),
        restrictToAnnotatedClass = false)
public final class AlertTestStack {
    private AlertTestStack() {}
}
