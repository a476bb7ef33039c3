package dev.podsearch.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * axe-core, the accessibility checker the browser tests inject into each page: its npm tarball, pinned by SHA-256 in
 * {@code stack/artifacts.lock} and fetched into the stack's cache once (MPL-2.0: used as it is, not shipped).
 */
public final class AxeCore {

    private AxeCore() {}

    /** The text of {@code axe.min.js}. */
    public static String script() {
        PinnedFile tarball = ArtifactLock.load().files("axe-core").getFirst();
        Path archive = tarball.fetch(StackHome.resolve());
        try (InputStream in = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.getName().equals("package/axe.min.js")) {
                    return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + archive, e);
        }
        throw new IllegalStateException(archive + " has no package/axe.min.js");
    }
}
