package dev.podsearch.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A rolling restart of the cluster: every Kafka broker, every OpenSearch node and every service instance, one at a
 * time, each stopped gracefully (SIGTERM) and started again, the next one only once it is back and in sync (Kafka: no
 * partition short of its replicas; OpenSearch: green). PostgreSQL is left out: it is one server here (in production
 * CloudNativePG switches over to a replica), so restarting it is downtime whatever the order.
 */
final class RollingPlan {

    /** The load runs this long before the first restart. */
    static final Duration WARM_UP = Duration.ofSeconds(20);

    private RollingPlan() {}

    static List<Fault> of(ChaosOptions options) {
        List<Fault> steps = new ArrayList<>();
        for (Target target : List.of(Target.KAFKA, Target.OPENSEARCH, Target.INGEST, Target.INDEX, Target.QUERY)) {
            for (int node = 0; node < target.instances(true); node++) {
                // each step begins when the one before is done; the times only keep them in order
                Duration at = WARM_UP.plusSeconds(steps.size());
                steps.add(new Fault(steps.size() + 1, at, target, Fault.Kind.RESTART, Duration.ZERO, node, true));
            }
        }
        return List.copyOf(steps);
    }
}
