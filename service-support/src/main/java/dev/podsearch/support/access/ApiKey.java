package dev.podsearch.support.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API key as clients send it: {@code ps_<id>_<secret>}. The id (10 characters a-z0-9) is public: logs, listings
 * and revocation name it. The secret is 256 random bits (43 base64url characters), shown once and stored only as its
 * SHA-256: a hash of that much randomness cannot be guessed back, so no slow password hash is needed.
 */
public record ApiKey(String id, String secret) {

    private static final Pattern FORMAT = Pattern.compile("ps_([a-z0-9]{10})_([A-Za-z0-9_-]{43})");
    private static final Pattern ID_ONLY = Pattern.compile("ps_([a-z0-9]{10})_.*", Pattern.DOTALL);
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ApiKey generate() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            id.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new ApiKey(id.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The key in {@code token}, if it has the form of one (whether it exists is for a {@link KeyVerifier}). */
    public static Optional<ApiKey> parse(String token) {
        Matcher matcher = FORMAT.matcher(token == null ? "" : token.strip());
        return matcher.matches() ? Optional.of(new ApiKey(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** The public id a refused token claims, for the log line about it; "-" when it does not look like a key. */
    public static String claimedId(String token) {
        Matcher matcher = ID_ONLY.matcher(token == null ? "" : token.strip());
        return matcher.matches() ? matcher.group(1) : "-";
    }

    /** The whole key, as the client sends it after {@code Bearer }. */
    public String token() {
        return "ps_" + id + "_" + secret;
    }

    /** SHA-256 of the secret, hex: what is stored. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether this key's secret is the one {@code storedHash} was made from, compared in constant time. */
    public boolean matches(String storedHash) {
        return storedHash != null
                && MessageDigest.isEqual(
                        hash().getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Never the secret: keys end up in log lines through string concatenation. */
    @Override
    public String toString() {
        return "ApiKey[" + id + "]";
    }
}
