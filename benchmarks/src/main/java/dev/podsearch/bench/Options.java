package dev.podsearch.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A benchmark's options: {@code --name value} pairs with defaults, and the flags of {@link #FLAGS} ({@code --name}
 * alone: present or not).
 */
record Options(Map<String, String> values, Set<String> flags) {

    /** The options that take no value: {@code --cluster} runs {@code bench index} and {@code bench query} on the cluster. */
    static final Set<String> FLAGS = Set.of("cluster");

    Options {
        values = Map.copyOf(values);
        flags = Set.copyOf(flags);
    }

    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (name.isEmpty()) {
                throw new IllegalArgumentException("expected --name value or a flag, got '" + args[i] + "'");
            }
            if (FLAGS.contains(name)) {
                flags.add(name);
            } else if (i + 1 >= args.length) {
                throw new IllegalArgumentException("--" + name + " needs a value");
            } else {
                values.put(name, args[++i]);
            }
        }
        return new Options(values, flags);
    }

    /** The checkout the benchmarks run the packaged services from ({@code -Dpodsearch.repo}, set by ./podsearch). */
    static Path repo() {
        return Path.of(System.getProperty("podsearch.repo", "."))
                .toAbsolutePath()
                .normalize();
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** These options, for a benchmark that takes no flag: fails on one. */
    Options withoutFlags(String benchmark) {
        if (!flags.isEmpty()) {
            throw new IllegalArgumentException("bench " + benchmark + " takes no --"
                    + String.join(", --", flags.stream().sorted().toList())
                    + " (only bench index and bench query run on the cluster)");
        }
        return this;
    }
}
