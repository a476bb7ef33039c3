package dev.podsearch.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RollingPlanTest {

    private static ChaosOptions rolling() {
        return ChaosOptions.parse(new String[] {"--cluster", "--rolling", "--minutes", "15"}, Path.of("target/run"));
    }

    @Test
    void everyBrokerNodeAndServiceInstanceIsRestartedOnceOneAfterTheOther() {
        List<Fault> steps = RollingPlan.of(rolling());
        List<String> labels =
                steps.stream().map(f -> f.target().label(f.node(), true)).toList();
        assertEquals(
                List.of(
                        "kafka-1",
                        "kafka-2",
                        "kafka-3",
                        "opensearch-1",
                        "opensearch-2",
                        "opensearch-3",
                        "ingest-service-1",
                        "ingest-service-2",
                        "index-service-1",
                        "index-service-2",
                        "query-service-1",
                        "query-service-2"),
                labels);
        assertEquals(labels.size(), Set.copyOf(labels).size(), "each once");
        int expected = 0;
        for (Target target : Target.values()) {
            expected += target == Target.POSTGRES ? 0 : target.instances(true);
        }
        assertEquals(expected, steps.size(), "every node and instance but PostgreSQL, one server");
        for (int i = 0; i < steps.size(); i++) {
            Fault step = steps.get(i);
            assertEquals(i + 1, step.number());
            assertEquals(Fault.Kind.RESTART, step.kind());
            assertEquals(null, step.with(), "one at a time");
            assertTrue(i == 0 || step.at().compareTo(steps.get(i - 1).at()) > 0, "in order");
        }
        assertEquals("restart kafka-2 (SIGTERM)", steps.get(1).describe());
        assertEquals(Set.of(Fault.Kind.RESTART), steps.stream().map(Fault::kind).collect(Collectors.toSet()));
    }

    @Test
    void aRollingRunNeedsTheClusterAndKeepsItsOwnWorkFolder() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ChaosOptions.parse(new String[] {"--rolling"}, Path.of("target/run")));
        assertEquals(Path.of("target/run-rolling"), rolling().workDir(), "so it may run beside a fault run");
        assertTrue(rolling().rolling() && rolling().cluster());
    }
}
