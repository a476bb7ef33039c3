package dev.podsearch.ingest.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A key as listed: everything but its secret ({@code rate} null when it has its role's quota; {@code lastUsedAt} and {@code revokedAt} null when it has none). {@code key} (the whole key) is set only in the answer that creates it:
 * it is shown once and cannot be read again.
 */
public record KeyView(
        String id,
        String name,
        String role,
        String rate,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String key) {

    /** Last use is recorded once a minute at most, so it is shown to the minute. */
    static KeyView of(StoredKey stored) {
        return new KeyView(
                stored.id,
                stored.name,
                stored.role,
                stored.rate,
                stored.createdAt,
                stored.lastUsedAt == null ? null : stored.lastUsedAt.truncatedTo(ChronoUnit.MINUTES),
                stored.revokedAt,
                null);
    }

    KeyView withKey(String token) {
        return new KeyView(id, name, role, rate, createdAt, lastUsedAt, revokedAt, token);
    }
}
