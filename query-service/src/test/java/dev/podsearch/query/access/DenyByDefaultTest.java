package dev.podsearch.query.access;

import dev.podsearch.testing.access.DenyByDefaultChecks;
import dev.podsearch.testing.access.KeyCheckStub;
import dev.podsearch.testing.access.UnmarkedFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;

/** Deny by default on this service (search public, as by default): see {@link DenyByDefaultChecks}. */
@QuarkusTest
@TestProfile(DenyByDefaultTest.Fixture.class)
class DenyByDefaultTest extends DenyByDefaultChecks {

    public static class Fixture extends UnmarkedFixture {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KeyCheckStub.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true; // no engine: nothing here searches
        }
    }

    @Override
    protected String fixturePath() {
        return "/v1/unmarked-fixture";
    }

    @Override
    protected String adminKey() {
        return KeyCheckStub.ADMIN;
    }
}
