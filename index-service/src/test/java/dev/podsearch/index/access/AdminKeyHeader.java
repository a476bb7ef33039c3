package dev.podsearch.index.access;

import dev.podsearch.stack.KeyCheckStub;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.ArrayList;
import java.util.List;

/** Every test request carries the stub's admin key, except in tests that send keys of their own ({@link OwnKeys}). */
public class AdminKeyHeader implements QuarkusTestBeforeEachCallback {

    /** Marks a test class whose requests carry only the keys it sets. */
    public interface OwnKeys {}

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        List<Filter> filters = new ArrayList<>(RestAssured.filters());
        filters.removeIf(filter -> filter instanceof DefaultKey);
        if (!(context.getTestInstance() instanceof OwnKeys)) {
            filters.add(new DefaultKey());
        }
        RestAssured.replaceFiltersWith(filters);
    }

    /** Adds the key to a request that names none (a filter, not a request specification: that would fix the port). */
    static final class DefaultKey implements Filter {
        @Override
        public Response filter(
                FilterableRequestSpecification request,
                FilterableResponseSpecification response,
                FilterContext context) {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", "Bearer " + KeyCheckStub.ADMIN);
            }
            return context.next(request, response);
        }
    }
}
