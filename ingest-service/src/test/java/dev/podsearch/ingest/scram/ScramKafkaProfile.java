package dev.podsearch.ingest.scram;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The service against {@link ScramKafkaStack} only: not the module's plain-text stack. */
public class ScramKafkaProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ScramKafkaStack.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
