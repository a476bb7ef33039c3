package dev.podsearch.testing.access;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The test profile of each service's deny-by-default test: it turns on that module's unmarked fixture resource (a
 * test-source resource with no security annotation, present only when {@link #PROPERTY} is true, so that no other
 * test, the OpenAPI contract tests among them, sees it).
 */
public class UnmarkedFixture implements QuarkusTestProfile {

    /** The build property the fixture resources are conditioned on ({@code @IfBuildProperty}). */
    public static final String PROPERTY = "podsearch.test.unmarked-fixture";

    /** What the fixture would answer if it were ever served. */
    public static final String NEVER = "an unmarked route answered: deny by default is off";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(PROPERTY, "true");
    }
}
