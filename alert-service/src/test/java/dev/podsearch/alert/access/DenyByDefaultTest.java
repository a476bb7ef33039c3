package dev.podsearch.alert.access;

import dev.podsearch.testing.access.DenyByDefaultChecks;
import dev.podsearch.testing.access.KeyCheckStub;
import dev.podsearch.testing.access.UnmarkedFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Deny by default on alert-service (saved searches and deliveries need an alerts, ingest or admin key): see {@link
 * DenyByDefaultChecks}. The module's real servers and key-check stand-in are its global test resources.
 */
@QuarkusTest
@TestProfile(UnmarkedFixture.class)
class DenyByDefaultTest extends DenyByDefaultChecks {

    @Override
    protected String fixturePath() {
        return "/v1/unmarked-fixture";
    }

    @Override
    protected String adminKey() {
        return KeyCheckStub.ADMIN;
    }
}
