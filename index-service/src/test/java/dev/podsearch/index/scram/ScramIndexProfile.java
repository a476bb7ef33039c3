package dev.podsearch.index.scram;

import dev.podsearch.testing.access.KeyCheckStub;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The service against {@link ScramIndexStack} (and the key check stand-in), not the module's plain-text stack. */
public class ScramIndexProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ScramIndexStack.class), new TestResourceEntry(KeyCheckStub.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
