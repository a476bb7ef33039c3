package dev.podsearch.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lock pins Maven artifacts and, for the browser tests, Debian packages and npm tarballs. */
class ArtifactLockTest {

    private static final String SHA = "a".repeat(64);

    @Test
    void readsMavenArtifactsAndRegistryFilesApart() throws IOException {
        ArtifactLock lock = ArtifactLock.parse(new BufferedReader(new StringReader(
                """
                # comment
                postgres io.zonky:pg:17.6.0:jar %1$s
                chromium debian-security:pool/updates/main/c/chromium/chromium-driver_1_amd64.deb %1$s
                chromium debian:pool/main/o/opus/libopus0_1.3.1-3_amd64.deb %1$s
                axe-core npm:axe-core/-/axe-core-4.14.1.tgz %1$s
                """
                        .formatted(SHA))));

        assertEquals("pg", lock.single("postgres").artifactId());
        List<PinnedFile> chromium = lock.files("chromium");
        assertEquals(2, chromium.size());
        assertEquals("debian-security", chromium.getFirst().registry());
        assertEquals("chromium-driver_1_amd64.deb", chromium.getFirst().fileName());
        assertEquals(
                "pool/main/o/opus/libopus0_1.3.1-3_amd64.deb", chromium.get(1).path());
        assertEquals("npm", lock.files("axe-core").getFirst().registry());
        assertThrows(IllegalStateException.class, () -> lock.files("postgres"));
    }

    @Test
    void refusesAFileWithoutAChecksum() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ArtifactLock.parse(
                        new BufferedReader(new StringReader("chromium debian:pool/main/x.deb not-a-sha\n"))));
    }

    @Test
    void theShippedLockPinsOneChromiumVersionWithItsDriverAndAxe() {
        ArtifactLock lock = ArtifactLock.load();
        List<String> names =
                lock.files("chromium").stream().map(PinnedFile::fileName).toList();
        String version = names.stream()
                .filter(n -> n.startsWith("chromium-headless-shell_"))
                .findFirst()
                .orElseThrow()
                .substring("chromium-headless-shell_".length());
        assertTrue(names.contains("chromium-driver_" + version), names.toString());
        assertTrue(names.contains("chromium-common_" + version), names.toString());
        assertTrue(lock.files("axe-core").getFirst().path().endsWith(".tgz"));
    }
}
