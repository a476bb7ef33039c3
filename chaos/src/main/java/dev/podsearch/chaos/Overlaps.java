package dev.podsearch.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Faults that overlap, on the cluster: every second fault of the plan gets a second fault in force at the same time
 * on another component (a broker and an OpenSearch node, an index-service and a query-service instance, ...), drawn
 * from a random of its own so the plan's first faults stay what the seed made them.
 *
 * <p>Never two nodes of one component at once: Kafka's topics have three replicas with {@code min.insync.replicas}
 * 2 and OpenSearch's indices one replica, so two Kafka or two OpenSearch nodes down is a loss of availability by
 * design (writes refused; shards with no copy left), not a bug; two instances of a service down is no instance left.
 * PostgreSQL, one server, is never one of a pair: while it is down nothing is written anyway.
 */
final class Overlaps {

    private Overlaps() {}

    static List<Fault> add(List<Fault> plan, ChaosOptions options) {
        Random random = new Random(options.seed() * 11 + 5);
        List<Fault> paired = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Fault first = plan.get(i);
            if (i % 2 == 1 && first.target() != Target.POSTGRES) {
                List<Target> others = List.of(Target.values()).stream()
                        .filter(t -> mayOverlap(first.target(), t))
                        .toList();
                Target target = others.get(random.nextInt(others.size()));
                Fault.Kind kind = random.nextInt(4) == 0 ? Fault.Kind.PAUSE : Fault.Kind.KILL;
                Fault second = new Fault(
                        first.number(),
                        first.at().plus(Fault.OVERLAP_LAG),
                        target,
                        kind,
                        options.pause(),
                        random.nextInt(target.instances(true)),
                        true);
                paired.add(first.pairedWith(second));
            } else {
                paired.add(first);
            }
        }
        return List.copyOf(paired);
    }

    /**
     * Whether a fault of {@code a} may be in force while one of {@code b} is: on different components, neither of
     * them PostgreSQL.
     */
    static boolean mayOverlap(Target a, Target b) {
        return a != b && a != Target.POSTGRES && b != Target.POSTGRES;
    }
}
