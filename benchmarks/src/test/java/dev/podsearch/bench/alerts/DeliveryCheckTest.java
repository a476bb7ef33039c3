package dev.podsearch.bench.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.support.outbound.WebhookSignature;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryCheckTest {

    private static final Instant SEARCHABLE = Instant.parse("2026-12-07T10:00:00Z");
    private final List<AlertSetup.Created> alerts = List.of(
            new AlertSetup.Created(0, "a0", "secret0"),
            new AlertSetup.Created(1, "a1", "secret1"),
            new AlertSetup.Created(2, "a2", "secret2"));
    private final Map<String, AlertPlan.Planned> episodes =
            Map.of("e1", planned(Set.of(0, 1)), "e2", planned(Set.of(2)));

    private static AlertPlan.Planned planned(Set<Integer> expected) {
        return new AlertPlan.Planned(0, "show", "title", "text", List.copyOf(expected), expected);
    }

    private static Deliveries.Delivery hook(String id, String alert, String episode, String secret, long afterMs) {
        Instant at = SEARCHABLE.plusMillis(afterMs);
        String body = "{\"alert\":{\"id\":\"" + alert + "\"},\"episode\":{\"id\":\"" + episode + "\"}}";
        long timestamp = at.getEpochSecond();
        WebhookSink.Received raw = new WebhookSink.Received(
                at, id, String.valueOf(timestamp), WebhookSignature.sign(secret, timestamp, body), body);
        return new Deliveries.Delivery(Deliveries.pair(alert, episode), episode, id, at, raw);
    }

    @Test
    void everyExpectedWebhookOnceIsCorrectWithItsLatencies() {
        DeliveryCheck check = DeliveryCheck.of(
                episodes,
                alerts,
                List.of(
                        hook("d1", "a0", "e1", "secret0", 120),
                        hook("d2", "a1", "e1", "secret1", 340),
                        hook("d3", "a2", "e2", "secret2", 80),
                        hook("d9", "a0", "other-phase", "secret0", 5)),
                Map.of("e1", SEARCHABLE, "e2", SEARCHABLE));
        assertTrue(check.correct(), check.toString());
        assertEquals(3, check.expected());
        assertEquals(3, check.received());
        assertEquals(List.of(120.0, 340.0, 80.0), check.latenciesMs());
    }

    @Test
    void missingUnexpectedDuplicatedAndBadlySignedWebhooksAreCounted() {
        DeliveryCheck check = DeliveryCheck.of(
                episodes,
                alerts,
                List.of(
                        hook("d1", "a0", "e1", "secret0", 120),
                        hook("d1", "a0", "e1", "secret0", 900),
                        hook("d4", "a2", "e1", "secret2", 100),
                        hook("d3", "a2", "e2", "wrong", 80)),
                Map.of("e1", SEARCHABLE, "e2", SEARCHABLE));
        assertFalse(check.correct());
        assertEquals(4, check.received());
        assertEquals(1, check.missing(), "a1 for e1");
        assertEquals(1, check.unexpected(), "a2 for e1");
        assertEquals(1, check.duplicates(), "d1 twice");
        assertEquals(1, check.badSignatures(), "d3");
        assertEquals(List.of(120.0, 80.0), check.latenciesMs());
    }
}
