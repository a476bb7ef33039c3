package dev.podsearch.index;

import dev.podsearch.testing.stack.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against real Kafka and OpenSearch, started once for the module run. */
@QuarkusTestResource(
        value = StackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,opensearch"),
        restrictToAnnotatedClass = false)
public final class IndexTestStack {
    private IndexTestStack() {}
}
