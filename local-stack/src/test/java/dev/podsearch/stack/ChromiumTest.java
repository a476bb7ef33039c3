package dev.podsearch.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configured Chromium is used as it is; one that cannot run fails saying how to get one (never a skip). */
class ChromiumTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("podsearch.chromium");
        System.clearProperty("podsearch.chromedriver");
    }

    @Test
    void usesTheConfiguredBrowserWithTheDriverBesideIt() throws IOException {
        Path browser = executable("chromium");
        Path driver = executable("chromedriver");
        System.setProperty("podsearch.chromium", browser.toString());

        Chromium.Browser chosen = Chromium.browser();

        assertEquals(browser, chosen.executable());
        assertEquals(driver, chosen.driver());
        assertTrue(chosen.environment().isEmpty());
    }

    @Test
    void aConfiguredBrowserThatIsNotThereFailsSayingHowToFixIt() {
        System.setProperty("podsearch.chromium", dir.resolve("missing").toString());
        System.setProperty(
                "podsearch.chromedriver", dir.resolve("missing-driver").toString());

        IllegalStateException e = assertThrows(IllegalStateException.class, Chromium::browser);

        assertTrue(e.getMessage().contains("apt-get install chromium chromium-driver"), e.getMessage());
        assertTrue(e.getMessage().contains("bin/chromium-pins"), e.getMessage());
    }

    private Path executable(String name) throws IOException {
        Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
