package dev.podsearch.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} options with defaults. */
record Options(Map<String, String> values) {

    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'");
            }
            values.put(args[i].substring(2), args[++i]);
        }
        return new Options(values);
    }

    /** The checkout the benchmarks run the packaged services from ({@code -Dpodsearch.repo}, set by ./podsearch). */
    static java.nio.file.Path repo() {
        return java.nio.file.Path.of(System.getProperty("podsearch.repo", "."))
                .toAbsolutePath()
                .normalize();
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
