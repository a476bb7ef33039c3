package dev.podsearch.bench;

import dev.podsearch.stack.DevKey;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What a benchmark adds to the services' settings: an admin key of its own ({@code benchmarks/target/api-key}, made an
 * admin key by the ingest service at start) and no rate limits, since a benchmark is one very busy client.
 */
public final class BenchAccess {

    private BenchAccess() {}

    public static Map<String, String> properties(Path repo, Map<String, String> stackProperties) {
        Map<String, String> properties = new HashMap<>(stackProperties);
        properties.put("access.bootstrap-key-file", keyFile(repo).toString());
        properties.put("rate-limit.reads-capacity", "0");
        properties.put("rate-limit.keys-enabled", "false");
        return properties;
    }

    /** The value of the Authorization header for uploads. */
    public static String authorization(Path repo) {
        return "Bearer " + DevKey.ensure(keyFile(repo));
    }

    private static Path keyFile(Path repo) {
        Path file = repo.resolve("benchmarks/target/api-key").toAbsolutePath();
        DevKey.ensure(file);
        return file;
    }
}
