package dev.podsearch.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OverlapsTest {

    private static List<Fault> clusterPlan(int faults, long seed) {
        String[] args = {
            "--minutes", "10", "--faults", Integer.toString(faults), "--seed", Long.toString(seed), "--cluster"
        };
        return FaultPlan.of(ChaosOptions.parse(args, Path.of("target")));
    }

    @Test
    void aPairNeverPutsTwoNodesOfOneQuorumOrBothInstancesOfAServiceDown() {
        int pairs = 0;
        for (long seed = 0; seed < 200; seed++) {
            for (Fault fault : clusterPlan(12, seed)) {
                if (fault.with() == null) {
                    continue;
                }
                pairs++;
                Fault second = fault.with();
                String what = "seed " + seed + ": " + fault.describe() + " + " + second.describe();
                assertNotEquals(fault.target(), second.target(), what);
                assertNotEquals(Target.POSTGRES, fault.target(), what);
                assertNotEquals(Target.POSTGRES, second.target(), what);
                assertNull(second.with(), "no third fault at once, " + what);
                assertTrue(
                        second.kind() == Fault.Kind.KILL || second.kind() == Fault.Kind.PAUSE,
                        "the second is a plain kill or pause, " + what);
                assertTrue(second.node() >= 0 && second.node() < second.target().instances(true), what);
                assertEquals(fault.at().plus(Fault.OVERLAP_LAG), second.at(), what);
                assertTrue(second.pause().compareTo(Fault.OVERLAP_LAG) > 0, "the first is still in force, " + what);
            }
        }
        assertTrue(pairs > 200 * 3, "about every second fault of twelve has a second one: " + pairs);
    }

    @Test
    void pairsMeetEveryKindOfComponentOnBothSides() {
        Set<String> met = new java.util.HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            clusterPlan(12, seed).stream()
                    .filter(f -> f.with() != null)
                    .forEach(f -> met.add(f.target() + "+" + f.with().target()));
        }
        assertTrue(met.contains("KAFKA+OPENSEARCH") || met.contains("OPENSEARCH+KAFKA"), met.toString());
        assertTrue(met.contains("INDEX+QUERY") || met.contains("QUERY+INDEX"), met.toString());
        Set<Target> seconds = met.stream()
                .map(pair -> Target.valueOf(pair.substring(pair.indexOf('+') + 1)))
                .collect(Collectors.toSet());
        assertEquals(Set.of(Target.KAFKA, Target.OPENSEARCH, Target.INGEST, Target.INDEX, Target.QUERY), seconds);
    }

    @Test
    void onlyDifferentComponentsOtherThanPostgresMayOverlap() {
        for (Target a : Target.values()) {
            for (Target b : Target.values()) {
                boolean expected = a != b && a != Target.POSTGRES && b != Target.POSTGRES;
                assertEquals(expected, Overlaps.mayOverlap(a, b), a + " with " + b);
            }
        }
        assertFalse(Overlaps.mayOverlap(Target.KAFKA, Target.KAFKA), "two brokers of the quorum of three");
    }

    @Test
    void outsideTheClusterNothingOverlaps() {
        List<Fault> single = FaultPlan.of(ChaosOptions.parse(
                new String[] {"--minutes", "10", "--faults", "12", "--seed", "3"}, Path.of("target")));
        assertTrue(single.stream().allMatch(f -> f.with() == null));
    }
}
