package dev.podsearch.events.consume;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/** The record numbers (values) handlers saw, each time they saw them, by handler name. */
final class Handled {

    private final Map<String, List<Integer>> seen = new ConcurrentHashMap<>();

    void add(String by, ConsumerRecords<String, byte[]> records) {
        List<Integer> list = seen.computeIfAbsent(by, b -> new CopyOnWriteArrayList<>());
        records.forEach(r -> list.add(Integer.parseInt(new String(r.value(), StandardCharsets.UTF_8))));
    }

    List<Integer> by(String name) {
        return seen.getOrDefault(name, List.of());
    }

    /** Every number seen by anyone. */
    Set<Integer> distinct() {
        return seen.values().stream().flatMap(List::stream).collect(Collectors.toCollection(TreeSet::new));
    }

    /** How many times numbers were seen in all (more than {@link #distinct()}: some were seen again). */
    int total() {
        return seen.values().stream().mapToInt(List::size).sum();
    }

    static Set<Integer> range(int from, int to) {
        Set<Integer> range = new TreeSet<>();
        for (int i = from; i < to; i++) {
            range.add(i);
        }
        return range;
    }
}
