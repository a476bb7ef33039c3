package dev.podsearch.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds a JDK of at least a given feature version: the running one, JAVA_HOME, or one under /usr/lib/jvm. */
final class Jdks {

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private Jdks() {}

    static Path require(int minimum, String forWhat) {
        return find(minimum)
                .orElseThrow(() -> new IllegalStateException(forWhat + " needs Java " + minimum
                        + " or newer, but none was found (looked at the running JVM " + Runtime.version()
                        + ", $OPENSEARCH_JAVA_HOME, $JAVA_HOME and /usr/lib/jvm)."
                        + " Install a JDK " + minimum + "+ and set JAVA_HOME to it."));
    }

    static Optional<Path> find(int minimum) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home")));
        for (String variable : List.of("OPENSEARCH_JAVA_HOME", "JAVA_HOME")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                candidates.add(Path.of(value));
            }
        }
        Path system = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(system)) {
            try (Stream<Path> installed = Files.list(system)) {
                installed.sorted(Comparator.reverseOrder()).forEach(candidates::add);
            } catch (IOException e) {
                // an unreadable /usr/lib/jvm only means fewer candidates
            }
        }
        return candidates.stream()
                .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .filter(home -> featureVersion(home) >= minimum)
                .findFirst();
    }

    static int featureVersion(Path home) {
        if (home.equals(Path.of(System.getProperty("java.home")))) {
            return Runtime.version().feature();
        }
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
