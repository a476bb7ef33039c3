package dev.podsearch.support.outbound;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook so its receiver can tell it came from podsearch and was not replayed later: HMAC-SHA256, keyed
 * with the UTF-8 bytes of the alert's secret, over {@code timestamp + "." + body}, sent as {@code
 * Podsearch-Signature: v1=<lowercase hex>} next to {@code Podsearch-Timestamp} (Unix seconds) and {@code
 * Podsearch-Delivery-Id} (the same on every attempt of one delivery: receivers de-duplicate by it).
 */
public final class WebhookSignature {

    public static final String DELIVERY_ID_HEADER = "Podsearch-Delivery-Id";
    public static final String TIMESTAMP_HEADER = "Podsearch-Timestamp";
    public static final String SIGNATURE_HEADER = "Podsearch-Signature";
    /** How old a signed timestamp a receiver accepts by default. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v1=";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {}

    /** A new signing secret: 32 random bytes, base64url without padding (43 characters). */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The {@code Podsearch-Signature} header value for {@code body} sent at {@code timestamp} (Unix seconds). */
    public static String sign(String secret, long timestamp, String body) {
        return VERSION + HexFormat.of().formatHex(mac(secret, timestamp + "." + body));
    }

    /**
     * Whether {@code signatureHeader} (one or more comma-separated {@code v1=} values) holds the signature of {@code
     * body} at {@code timestamp}, and that timestamp is within {@code tolerance} of {@code now}. Compares in constant
     * time.
     */
    public static boolean verify(
            String secret, String timestamp, String body, String signatureHeader, Duration tolerance, Instant now) {
        if (secret == null || secret.isEmpty() || timestamp == null || body == null || signatureHeader == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = mac(secret, seconds + "." + body);
        boolean matched = false;
        for (String part : signatureHeader.split(",")) {
            String value = part.strip();
            if (value.startsWith(VERSION)) {
                matched |= MessageDigest.isEqual(expected, parseHex(value.substring(VERSION.length())));
            }
        }
        return matched;
    }

    /** {@link #verify(String, String, String, String, Duration, Instant)} against the current time. */
    public static boolean verify(
            String secret, String timestamp, String body, String signatureHeader, Duration tolerance) {
        return verify(secret, timestamp, body, signatureHeader, tolerance, Instant.now());
    }

    private static byte[] parseHex(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static byte[] mac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, e);
        }
    }
}
