package dev.podsearch.query;

import dev.podsearch.testing.stack.StackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against a real OpenSearch, started once for the module run. */
@QuarkusTestResource(
        value = StackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "opensearch"),
        restrictToAnnotatedClass = false)
public final class QueryTestStack {
    private QueryTestStack() {}
}
