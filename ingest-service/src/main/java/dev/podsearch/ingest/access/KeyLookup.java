package dev.podsearch.ingest.access;

import dev.podsearch.support.access.ApiKey;
import dev.podsearch.support.access.KeyOwner;
import dev.podsearch.support.access.Quota;
import dev.podsearch.support.access.Role;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The check of a key on every request that carries one, in plain SQL: one indexed read, and a write only when the
 * key's last use is older than {@link #LAST_USE_GRANULARITY}. Every upload pays for it, and the entity path (a
 * transaction, a persistence context, a flush that dirty-checks the row) was a tenth of the service's CPU under
 * load. Nothing is cached: a key revoked here is refused by the next request.
 */
@ApplicationScoped
class KeyLookup {

    static final Duration LAST_USE_GRANULARITY = Duration.ofMinutes(1);

    @Inject
    AgroalDataSource dataSource;

    Optional<KeyOwner> verify(ApiKey key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement read =
                        connection.prepareStatement("SELECT name, role, rate, secret_hash, last_used_at FROM api_key"
                                + " WHERE id = ? AND revoked_at IS NULL")) {
            read.setString(1, key.id());
            try (ResultSet row = read.executeQuery()) {
                if (!row.next() || !key.matches(row.getString("secret_hash"))) {
                    return Optional.empty();
                }
                touch(connection, key.id(), row.getObject("last_used_at", OffsetDateTime.class));
                String name = row.getString("name");
                Optional<Quota> quota = Quota.parse(row.getString("rate"));
                return Role.of(row.getString("role")).map(role -> new KeyOwner(key.id(), name, role, quota));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check API key " + key.id() + ": " + e.getMessage(), e);
        }
    }

    /** Records the use, to the minute: at most one write per key and minute, whatever the request rate. */
    private static void touch(Connection connection, String id, OffsetDateTime lastUsed) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant stale = now.minus(LAST_USE_GRANULARITY);
        if (lastUsed != null && !lastUsed.toInstant().isBefore(stale)) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE api_key SET last_used_at = ?"
                + " WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")) {
            update.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            update.setString(2, id);
            update.setObject(3, OffsetDateTime.ofInstant(stale, ZoneOffset.UTC));
            update.executeUpdate();
        }
    }
}
