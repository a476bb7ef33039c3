package dev.podsearch.bench;

import dev.podsearch.stack.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The instances of one packaged service a benchmark runs (one on a single node, two on the cluster: {@link
 * BenchStack}), started alike, the second named {@code <name>-2} (its log {@code benchmarks/target/logs/<name>-2.log}),
 * and read together: their metrics and CPU added up, their compilers watched together.
 */
final class Instances implements AutoCloseable {

    private final String name;
    private final List<ServiceProcess> processes;

    private Instances(String name, List<ServiceProcess> processes) {
        this.name = name;
        this.processes = List.copyOf(processes);
    }

    /** Starts {@code count} instances of {@code service} (its module's packaged jar), one after the other. */
    static Instances start(String service, String name, Map<String, String> properties, int count) {
        Path repo = Options.repo();
        List<ServiceProcess> started = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                started.add(ServiceProcess.start(
                        i == 1 ? name : name + "-" + i,
                        repo.resolve(service),
                        0,
                        properties,
                        repo.resolve("benchmarks/target/logs")));
            }
        } catch (RuntimeException e) {
            started.forEach(ServiceProcess::close);
            throw e;
        }
        return new Instances(name, started);
    }

    List<ServiceProcess> all() {
        return processes;
    }

    int count() {
        return processes.size();
    }

    /** The public addresses, in start order. */
    List<String> urls() {
        return processes.stream().map(ServiceProcess::url).toList();
    }

    List<Long> pids() {
        return processes.stream().map(ServiceProcess::pid).toList();
    }

    /** Their Prometheus figures, added up. */
    ServiceMetrics metrics() throws IOException, InterruptedException {
        return ServiceMetrics.of(
                processes.stream().map(ServiceProcess::managementUrl).toList());
    }

    /** CPU seconds all of them have used so far. */
    double cpuSeconds() {
        return processes.stream().mapToDouble(p -> Cpu.processSeconds(p.pid())).sum();
    }

    /** CPU seconds the threads whose names start with {@code prefix} have used so far, in all of them. */
    double threadSeconds(String prefix) throws IOException {
        double seconds = 0;
        for (ServiceProcess process : processes) {
            seconds += EmbedStagePhase.threadSeconds(process.pid(), prefix);
        }
        return seconds;
    }

    /** Resident memory of each, on average, in bytes. */
    long meanRss() {
        return (long) processes.stream()
                .mapToLong(p -> EmbedStagePhase.rss(p.pid()))
                .average()
                .orElse(0);
    }

    JitActivity jit() {
        return new JitActivity(pids());
    }

    /** For people: {@code "1 index-service"}, {@code "2 index-service instances"}. */
    String describe() {
        return count() == 1 ? "1 " + name : count() + " " + name + " instances";
    }

    @Override
    public void close() {
        processes.forEach(ServiceProcess::close);
    }
}
