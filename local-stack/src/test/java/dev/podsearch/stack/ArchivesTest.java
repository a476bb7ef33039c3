package dev.podsearch.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchivesTest {

    @TempDir
    Path dir;

    private Path zip(String name, int mode) throws IOException {
        Path zip = dir.resolve("test.zip");
        try (OutputStream file = Files.newOutputStream(zip);
                ZipArchiveOutputStream out = new ZipArchiveOutputStream(file)) {
            ZipArchiveEntry entry = new ZipArchiveEntry(name);
            entry.setUnixMode(mode);
            out.putArchiveEntry(entry);
            out.write("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }
        return zip;
    }

    @Test
    void keepsTheExecutableBit() throws IOException {
        Path target = dir.resolve("out");
        Archives.unzip(zip("dist/bin/run", 0100755), target);

        assertTrue(Files.isExecutable(target.resolve("dist/bin/run")));
        assertEquals("#!/bin/sh\n", Files.readString(target.resolve("dist/bin/run")));
    }

    @Test
    void refusesEntriesThatEscapeTheTarget() throws IOException {
        Path target = dir.resolve("out");
        Path zip = zip("../evil", 0100644);

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Archives.unzip(zip, target));

        assertTrue(error.getMessage().contains("escapes"));
        assertFalse(Files.exists(dir.resolve("evil")));
    }
}
