package dev.podsearch.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevKeyTest {

    @Test
    void theFirstStartMakesAKeyOnlyItsOwnerCanReadAndLaterStartsKeepIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("local/api-key");
        String key = DevKey.ensure(file);
        assertTrue(key.matches("ps_[a-z0-9]{10}_[A-Za-z0-9_-]{43}"), key);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(key, DevKey.ensure(file));
        assertNotEquals(key, DevKey.generate());
    }

    @Test
    void keysCommandsSayWhatIsMissingInsteadOfFailingObscurely(@TempDir Path dir) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        int status = KeysCommand.run(
                List.of("list", "--key-file", dir.resolve("none").toString()), out);
        assertEquals(1, status);
        assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith("no admin key in "));

        DevKey.ensure(dir.resolve("key"));
        printed.reset();
        assertEquals(
                2,
                KeysCommand.run(
                        List.of(
                                "create",
                                "--name",
                                "x",
                                "--key-file",
                                dir.resolve("key").toString()),
                        out));
        assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith("usage: keys create"));
    }
}
