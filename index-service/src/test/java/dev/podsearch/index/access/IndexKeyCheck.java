package dev.podsearch.index.access;

import dev.podsearch.testing.access.KeyCheckStub;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module checks keys with a stand-in for the ingest service. */
@QuarkusTestResource(value = KeyCheckStub.class, restrictToAnnotatedClass = false)
public final class IndexKeyCheck {
    private IndexKeyCheck() {}
}
