package dev.podsearch.ingest.access;

import dev.podsearch.testing.access.AdminKeyHeader;
import dev.podsearch.testing.access.DenyByDefaultChecks;
import dev.podsearch.testing.access.UnmarkedFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Deny by default on this service: see {@link DenyByDefaultChecks}. */
@QuarkusTest
@TestProfile(UnmarkedFixture.class)
class DenyByDefaultTest extends DenyByDefaultChecks {

    @Override
    protected String fixturePath() {
        return "/v1/unmarked-fixture";
    }

    @Override
    protected String adminKey() {
        return AdminKeyHeader.KEY;
    }
}
