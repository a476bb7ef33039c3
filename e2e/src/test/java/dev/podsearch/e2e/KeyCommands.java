package dev.podsearch.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podsearch.stack.KeysCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code ./podsearch keys ...} run in this JVM against the running ingest service, with the admin key file. */
final class KeyCommands {

    private final String ingestUrl;
    private final Path keyFile;

    KeyCommands(String ingestUrl, Path keyFile) {
        this.ingestUrl = ingestUrl;
        this.keyFile = keyFile;
    }

    /** What the command printed; fails unless it exited 0. */
    String run(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of("--url", ingestUrl, "--key-file", keyFile.toString()));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = KeysCommand.run(all, new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, output);
        return output;
    }

    /** Creates a key and answers it (the last line of what create prints). */
    String create(String name, String role) {
        String[] lines = run("create", "--name", name, "--role", role).strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
