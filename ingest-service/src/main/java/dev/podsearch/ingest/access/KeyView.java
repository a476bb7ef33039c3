package dev.podsearch.ingest.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A key as listed: everything but its secret. {@code key} (the whole key) is set only in the answer that creates it:
 * it is shown once and cannot be read again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyView(
        String id, String name, String role, Instant createdAt, Instant lastUsedAt, Instant revokedAt, String key) {

    static KeyView of(StoredKey stored) {
        return new KeyView(
                stored.id, stored.name, stored.role, stored.createdAt, stored.lastUsedAt, stored.revokedAt, null);
    }

    KeyView withKey(String token) {
        return new KeyView(id, name, role, createdAt, lastUsedAt, revokedAt, token);
    }
}
