package dev.podsearch.alert;

import dev.podsearch.testing.access.KeyCheckStub;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module checks keys with a stand-in for the ingest service. */
@QuarkusTestResource(value = KeyCheckStub.class, restrictToAnnotatedClass = false)
public final class AlertKeyCheck {
    private AlertKeyCheck() {}
}
