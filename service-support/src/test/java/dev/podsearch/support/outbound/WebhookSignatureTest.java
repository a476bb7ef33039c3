package dev.podsearch.support.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_test";
    private static final String BODY = "{\"deliveryId\":\"d-1\",\"alert\":\"a\"}";
    private static final Instant AT = Instant.ofEpochSecond(1_700_000_000L);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // printf '%s' '1700000000.{"deliveryId":"d-1","alert":"a"}' | openssl dgst -sha256 -hmac 'whsec_test'
        assertEquals(
                "v1=6a0bb934d7c9bb798d871e868735c6ab62f649f3e01c820383c7b08f1c5a8124",
                WebhookSignature.sign(SECRET, 1_700_000_000L, BODY));
    }

    @Test
    void verifiesItsOwnSignatureWithinTheTolerance() {
        String header = WebhookSignature.sign(SECRET, AT.getEpochSecond(), BODY);
        assertTrue(WebhookSignature.verify(SECRET, "1700000000", BODY, header, TOLERANCE, AT.plusSeconds(300)));
        assertTrue(WebhookSignature.verify(SECRET, "1700000000", BODY, header, TOLERANCE, AT.minusSeconds(300)));
        assertTrue(
                WebhookSignature.verify(SECRET, "1700000000", BODY, "v1=00ff, " + header, TOLERANCE, AT),
                "any of several v1 values (a receiver rotating secrets)");
    }

    @Test
    void refusesAnythingChangedOrLate() {
        String header = WebhookSignature.sign(SECRET, AT.getEpochSecond(), BODY);
        assertFalse(WebhookSignature.verify(SECRET, "1700000000", BODY + " ", header, TOLERANCE, AT), "body");
        assertFalse(WebhookSignature.verify(SECRET, "1700000001", BODY, header, TOLERANCE, AT), "timestamp");
        assertFalse(WebhookSignature.verify("other", "1700000000", BODY, header, TOLERANCE, AT), "secret");
        assertFalse(WebhookSignature.verify(SECRET, "1700000000", BODY, header, TOLERANCE, AT.plusSeconds(301)));
        assertFalse(WebhookSignature.verify(SECRET, "1700000000", BODY, header.substring(3), TOLERANCE, AT));
        assertFalse(WebhookSignature.verify(SECRET, "1700000000", BODY, "v1=zz", TOLERANCE, AT), "not hex");
        assertFalse(WebhookSignature.verify(SECRET, "soon", BODY, header, TOLERANCE, AT));
        assertFalse(WebhookSignature.verify(SECRET, null, BODY, header, TOLERANCE, AT));
        assertFalse(WebhookSignature.verify("", "1700000000", BODY, header, TOLERANCE, AT));
    }

    @Test
    void aNewSecretIs32RandomBytesInBase64Url() {
        String secret = WebhookSignature.newSecret();
        assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret);
        assertEquals(32, Base64.getUrlDecoder().decode(secret).length);
        assertNotEquals(secret, WebhookSignature.newSecret());
    }
}
