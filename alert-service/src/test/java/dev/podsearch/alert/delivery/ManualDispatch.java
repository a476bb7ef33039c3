package dev.podsearch.alert.delivery;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** No dispatcher thread: the test runs rounds and claims itself, standing in for several replicas. */
public class ManualDispatch implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("alerts.delivery.enabled", "false");
    }
}
