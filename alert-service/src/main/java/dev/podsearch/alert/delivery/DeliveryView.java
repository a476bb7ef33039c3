package dev.podsearch.alert.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook delivery as the API shows it: the id its headers carry ({@code Podsearch-Delivery-Id}), which episode
 * revision and phase it is about, where it stands, and every attempt so far, oldest first.
 */
public record DeliveryView(
        UUID id,
        String episodeId,
        long revision,
        String phase,
        String status,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant giveUpAt,
        Instant deliveredAt,
        Integer lastStatusCode,
        String lastError,
        List<Attempt> attempts) {

    /** One call to the webhook: when, what it answered (a status, or no answer and why), how long it took. */
    public record Attempt(Instant at, Integer statusCode, String error, long durationMs, String responseExcerpt) {}

    /** One page of an alert's deliveries, newest first. */
    public record Page(List<DeliveryView> items, long page, long size, long total) {}
}
