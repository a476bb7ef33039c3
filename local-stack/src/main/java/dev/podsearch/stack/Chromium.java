package dev.podsearch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;

/**
 * A headless Chromium and its ChromeDriver for the browser tests, provisioned like the servers: Debian 12's {@code
 * chromium-headless-shell}, {@code chromium-common} and {@code chromium-driver} packages (one version, so the driver
 * fits the browser) and the libraries they need that a JDK image lacks, pinned by SHA-256 in {@code
 * stack/artifacts.lock}, fetched from a Debian mirror and unpacked into the stack's cache (nothing is installed on the
 * machine, no root needed; the unpacked libraries are found through {@code LD_LIBRARY_PATH}).
 *
 * <p>{@code PODSEARCH_CHROMIUM} (or {@code -Dpodsearch.chromium}) names a Chromium to use instead, with {@code
 * PODSEARCH_CHROMEDRIVER} its driver (default: {@code chromedriver} beside it, else {@code /usr/bin/chromedriver}).
 */
public final class Chromium {

    /** The browser, its driver, and the environment the driver (and so the browser) must run with. */
    public record Browser(Path executable, Path driver, Map<String, String> environment) {}

    private static final String HOW_TO_FIX =
            "; either set PODSEARCH_CHROMIUM to a Chromium (and PODSEARCH_CHROMEDRIVER to"
                    + " its ChromeDriver of the same version), e.g. after `apt-get install chromium chromium-driver`:"
                    + " PODSEARCH_CHROMIUM=/usr/bin/chromium PODSEARCH_CHROMEDRIVER=/usr/bin/chromedriver, or renew the pins"
                    + " in local-stack/src/main/resources/stack/artifacts.lock with bin/chromium-pins (docs/operations.md)";

    private Chromium() {}

    /** The configured browser, else the pinned Debian packages', provisioned on first use. Never null. */
    public static Browser browser() {
        String configured = StackHome.setting("podsearch.chromium", "PODSEARCH_CHROMIUM");
        if (configured != null) {
            Path executable = Path.of(configured);
            String driver = StackHome.setting("podsearch.chromedriver", "PODSEARCH_CHROMEDRIVER");
            Path beside = executable.resolveSibling("chromedriver");
            Path chosen = driver != null
                    ? Path.of(driver)
                    : Files.isExecutable(beside) ? beside : Path.of("/usr/bin/chromedriver");
            if (!Files.isExecutable(executable) || !Files.isExecutable(chosen)) {
                throw new IllegalStateException("PODSEARCH_CHROMIUM=" + executable + " with ChromeDriver " + chosen
                        + ": not both executable" + HOW_TO_FIX);
            }
            return new Browser(executable, chosen, Map.of());
        }
        try {
            return provision(StackHome.resolve(), ArtifactLock.load().files("chromium"));
        } catch (RuntimeException e) {
            throw new IllegalStateException("no Chromium for the browser tests: " + e.getMessage() + HOW_TO_FIX, e);
        }
    }

    static Browser provision(StackHome home, List<PinnedFile> packages) {
        PinnedFile shell = packages.stream()
                .filter(p -> p.fileName().startsWith("chromium-headless-shell_"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the lock pins no chromium-headless-shell package"));
        Path root = home.dist().resolve("chromium-" + shell.sha256().substring(0, 12));
        if (!Files.isDirectory(root)) {
            Path unpacking = root.resolveSibling(root.getFileName() + ".unpacking");
            Archives.deleteTree(unpacking);
            try {
                for (PinnedFile deb : packages) {
                    unpackDeb(deb.fetch(home), unpacking);
                }
                Files.move(unpacking, root, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack Chromium into " + unpacking, e);
            }
        }
        Path lib = root.resolve("usr/lib/x86_64-linux-gnu");
        String libraries = String.join(
                ":",
                lib.toString(),
                lib.resolve("pulseaudio").toString(),
                root.resolve("usr/lib/chromium").toString());
        return new Browser(
                root.resolve("usr/lib/chromium/chromium-headless-shell"),
                root.resolve("usr/lib/chromium/chromedriver"),
                Map.of("LD_LIBRARY_PATH", libraries));
    }

    /** A .deb is an ar archive whose files are in its {@code data.tar.xz}. */
    static void unpackDeb(Path deb, Path target) throws IOException {
        try (ArArchiveInputStream ar = new ArArchiveInputStream(Files.newInputStream(deb))) {
            ArArchiveEntry entry;
            while ((entry = ar.getNextEntry()) != null) {
                if (entry.getName().equals("data.tar.xz")) {
                    Archives.untarXz(ar, target);
                    return;
                }
            }
        }
        throw new IOException(deb + " has no data.tar.xz");
    }
}
