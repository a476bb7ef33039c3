package dev.podsearch.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    private static ChaosOptions options(int faults, long seed) {
        return ChaosOptions.parse(
                new String[] {"--minutes", "10", "--faults", Integer.toString(faults), "--seed", Long.toString(seed)},
                Path.of("target"));
    }

    @Test
    void theFirstFiveFaultsKillEveryServerAndOneServiceAndPauseOne() {
        for (long seed = 0; seed < 50; seed++) {
            List<Fault> plan = FaultPlan.of(options(5, seed));
            Set<Target> killed = plan.stream()
                    .filter(f -> f.kind() == Fault.Kind.KILL)
                    .map(Fault::target)
                    .collect(Collectors.toSet());
            assertTrue(killed.containsAll(Set.of(Target.POSTGRES, Target.KAFKA, Target.OPENSEARCH)), "seed " + seed);
            assertTrue(killed.stream().anyMatch(t -> !t.isServer()), "a service killed, seed " + seed);
            assertEquals(
                    1, plan.stream().filter(f -> f.kind() == Fault.Kind.PAUSE).count(), "seed " + seed);
        }
    }

    @Test
    void faultsAreSpreadInOrderOverTheRunAndPausesOutlastTheClientTimeout() {
        List<Fault> plan = FaultPlan.of(options(50, 3));
        assertEquals(50, plan.size());
        for (int i = 1; i < plan.size(); i++) {
            assertTrue(
                    plan.get(i).at().compareTo(plan.get(i - 1).at()) > 0, "fault " + (i + 1) + " after the one before");
        }
        assertTrue(plan.getLast().at().compareTo(Duration.ofMinutes(10)) < 0);
        plan.stream()
                .filter(f -> f.kind() == Fault.Kind.PAUSE)
                .forEach(f -> assertTrue(f.pause().compareTo(Duration.ofSeconds(5)) > 0));
        assertTrue(
                plan.stream().map(Fault::target).distinct().count() == Target.values().length,
                "50 faults reach every target");
    }

    @Test
    void theSameSeedMakesTheSamePlanAndAnotherSeedAnother() {
        assertEquals(FaultPlan.of(options(20, 11)), FaultPlan.of(options(20, 11)));
        assertNotEquals(FaultPlan.of(options(20, 11)), FaultPlan.of(options(20, 12)));
    }

    @Test
    void onTheClusterEachFaultHitsOneNodeOrInstanceAndTheSeedKeepsItsTargetsAndKinds() {
        String[] args = {"--minutes", "10", "--faults", "30", "--seed", "7", "--cluster"};
        ChaosOptions cluster = ChaosOptions.parse(args, Path.of("target"));
        List<Fault> plan = FaultPlan.of(cluster);
        List<Fault> single = FaultPlan.of(options(30, 7));
        for (int i = 0; i < plan.size(); i++) {
            Fault fault = plan.get(i);
            assertEquals(single.get(i).target(), fault.target(), "fault " + (i + 1));
            if (fault.kind() == Fault.Kind.KILL_PRIMARY) { // the first OpenSearch kill: its node is looked up then
                assertEquals(Fault.Kind.KILL, single.get(i).kind());
                assertEquals(-1, fault.node());
                continue;
            }
            assertEquals(single.get(i).kind(), fault.kind(), "fault " + (i + 1));
            assertTrue(fault.node() >= 0 && fault.node() < fault.target().instances(true), fault.describe());
            // a killed node stays down for the pause, so the others must carry the load meanwhile; PostgreSQL, one
            // server, starts again at once
            assertEquals(
                    fault.target() == Target.POSTGRES && fault.kind() == Fault.Kind.KILL
                            ? Duration.ZERO
                            : cluster.pause(),
                    fault.pause(),
                    fault.describe());
        }
        assertEquals(0, single.stream().mapToInt(Fault::node).sum(), "outside a cluster there is one of each");
        assertTrue(
                plan.stream()
                                .filter(f -> f.target() == Target.KAFKA)
                                .map(Fault::node)
                                .distinct()
                                .count()
                        > 1,
                "different Kafka nodes are hit");
        assertTrue(plan.stream().anyMatch(f -> f.describe().matches("kill -9 (kafka|opensearch)-[123], down 12 s")));
        assertEquals(
                1,
                plan.stream().filter(f -> f.kind() == Fault.Kind.KILL_PRIMARY).count(),
                "one kill of the node holding the primaries");
        assertTrue(single.stream().noneMatch(f -> f.kind() == Fault.Kind.KILL_PRIMARY || f.with() != null));
    }
}
