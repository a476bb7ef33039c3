package dev.podsearch.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The faults of a run, from its seed. They are spread over the run, one per equal slot at a random point of the
 * slot's first half. The first ones cover every kind that must be survived at least once, in random order: a kill of
 * each server, a kill of a service and a pause; the rest are random kills (three in four) and pauses of any target. In
 * a cluster each fault hits one node or instance of its target, drawn from a random of its own (the same seed gives
 * the same targets and kinds with or without {@code --cluster}). In a cluster, too, the first kill of an OpenSearch node
 * kills the node holding the primaries ({@link Fault.Kind#KILL_PRIMARY}), and every second fault has another fault in
 * force at the same time on another component ({@link Overlaps}).
 */
public final class FaultPlan {

    private FaultPlan() {}

    public static List<Fault> of(ChaosOptions options) {
        Random random = new Random(options.seed());
        List<Target> services = List.of(Target.INGEST, Target.INDEX, Target.QUERY);
        List<Object[]> required = new ArrayList<>();
        required.add(new Object[] {Target.POSTGRES, Fault.Kind.KILL});
        required.add(new Object[] {Target.KAFKA, Fault.Kind.KILL});
        required.add(new Object[] {Target.OPENSEARCH, Fault.Kind.KILL});
        required.add(new Object[] {services.get(random.nextInt(services.size())), Fault.Kind.KILL});
        required.add(new Object[] {randomTarget(random), Fault.Kind.PAUSE});
        Collections.shuffle(required, random);
        Random nodes = new Random(options.seed() * 7 + 1);
        List<Fault> faults = new ArrayList<>();
        long slot = options.faults() == 0 ? 0 : options.duration().toMillis() / options.faults();
        for (int i = 0; i < options.faults(); i++) {
            Target target;
            Fault.Kind kind;
            if (i < required.size()) {
                target = (Target) required.get(i)[0];
                kind = (Fault.Kind) required.get(i)[1];
            } else {
                target = randomTarget(random);
                kind = random.nextInt(4) == 0 ? Fault.Kind.PAUSE : Fault.Kind.KILL;
            }
            Duration at = Duration.ofMillis(i * slot + (slot / 2 == 0 ? 0 : random.nextLong(slot / 2)));
            boolean cluster = options.cluster();
            // in a cluster a killed node stays down while the others serve; PostgreSQL is one server (as
            // CloudNativePG's primary is one), so it starts again at once, as outside a cluster
            boolean staysDown = cluster && target != Target.POSTGRES;
            Duration down = kind == Fault.Kind.PAUSE || staysDown ? options.pause() : Duration.ZERO;
            int node = nodes.nextInt(target.instances(cluster));
            faults.add(new Fault(i + 1, at, target, kind, down, node, cluster));
        }
        if (options.cluster()) {
            return Overlaps.add(primaryKill(faults), options);
        }
        return List.copyOf(faults);
    }

    /** The first kill of an OpenSearch node, made a kill of the node holding the primaries. */
    private static List<Fault> primaryKill(List<Fault> faults) {
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (f.target() == Target.OPENSEARCH && f.kind() == Fault.Kind.KILL) {
                faults.set(
                        i,
                        new Fault(f.number(), f.at(), f.target(), Fault.Kind.KILL_PRIMARY, f.pause(), -1, f.cluster()));
                break;
            }
        }
        return faults;
    }

    private static Target randomTarget(Random random) {
        Target[] all = Target.values();
        return all[random.nextInt(all.length)];
    }
}
