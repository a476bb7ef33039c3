package dev.podsearch.testing.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the run found, and how many answers of each status it got (to show it reached the handlers). */
public final class OpenApiFindings {
    private final List<String> broken = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new java.util.TreeMap<>();

    void add(String request, String what) {
        if (broken.size() < 50) {
            broken.add(what + "\n    for " + request);
        }
    }

    void count(int status) {
        statuses.merge(status, 1, Integer::sum);
    }

    public List<String> broken() {
        return List.copyOf(broken);
    }

    public Map<Integer, Integer> statuses() {
        return Map.copyOf(statuses);
    }

    public int requests() {
        return statuses.values().stream().mapToInt(Integer::intValue).sum();
    }
}
