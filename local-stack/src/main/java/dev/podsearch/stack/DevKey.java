package dev.podsearch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The development admin key of a local run ({@code local/api-key}, mode 0600): made on the first start, kept after.
 * The ingest service makes it an admin key at start ({@code access.bootstrap-key-file}); only the file's path is
 * passed, never the key. Same form as dev.podsearch.support.access.ApiKey (this module has no Quarkus runtime).
 */
public final class DevKey {

    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DevKey() {}

    /** A new random key: {@code ps_<10 characters>_<256 bits, base64url>}. */
    public static String generate() {
        StringBuilder key = new StringBuilder("ps_");
        for (int i = 0; i < 10; i++) {
            key.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return key.append('_')
                .append(Base64.getUrlEncoder().withoutPadding().encodeToString(secret))
                .toString();
    }

    /** The key in {@code file}, made (readable by its owner only) when the file does not exist yet. */
    public static String ensure(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            String key = generate();
            Files.writeString(file, key + "\n");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the API key file " + file, e);
        }
    }
}
