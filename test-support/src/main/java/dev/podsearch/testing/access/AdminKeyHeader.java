package dev.podsearch.testing.access;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every test request carries the tests' admin key, except in tests that send keys of their own ({@link OwnKeys}). The
 * key is the module's {@code src/test/resources/access/test-admin-key} where it has one (ingest-service, which keeps
 * the keys: that file is made a key at start through {@code access.bootstrap-key-file}), else {@link
 * KeyCheckStub#ADMIN} (the services that ask the stub about keys). A module turns it on by naming this class in its
 * {@code src/test/resources/META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback}.
 */
public class AdminKeyHeader implements QuarkusTestBeforeEachCallback {

    /** The tests' admin key. */
    public static final String KEY = read();

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
                request.header("Authorization", "Bearer " + KEY);
            }
            return context.next(request, response);
        }
    }

    private static String read() {
        Path file = Path.of("src/test/resources/access/test-admin-key");
        if (!Files.exists(file)) {
            return KeyCheckStub.ADMIN;
        }
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
