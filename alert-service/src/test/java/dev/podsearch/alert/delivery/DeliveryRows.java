package dev.podsearch.alert.delivery;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/** Alerts and deliveries written straight into the schema, as the matching stage records them. */
final class DeliveryRows {

    /** The owner of the rows: the id of the key the tests send by default (KeyCheckStub.ADMIN, AdminKeyHeader). */
    static final String OWNER = "indexadmin";

    private final AgroalDataSource dataSource;

    DeliveryRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    UUID alert(String webhookUrl, String secret) {
        UUID id = UUID.randomUUID();
        update(
                "INSERT INTO alerts.alert (id, name, q, mode, webhook_url, secret, owner, created_at, updated_at,"
                        + " compiled) VALUES (?, 'harbour', 'harbour', 'keyword', ?, ?, ?, now(), now(), '{}')",
                id,
                webhookUrl,
                secret,
                OWNER);
        return id;
    }

    /** A pending delivery due {@code dueIn} from now (negative: overdue), given up {@code giveUpIn} from now. */
    UUID delivery(UUID alertId, String payload, Duration dueIn, Duration giveUpIn) {
        UUID id = UUID.randomUUID();
        update(
                "INSERT INTO alerts.alert_delivery (id, alert_id, episode_id, revision, phase, payload, status,"
                        + " next_attempt_at, give_up_at, created_at) VALUES (?, ?, ?, 1, 'words', ?::jsonb, 'pending',"
                        + " now() + ? * interval '1 millisecond', now() + ? * interval '1 millisecond', now())",
                id,
                alertId,
                "episode-" + id,
                payload,
                dueIn.toMillis(),
                giveUpIn.toMillis());
        return id;
    }

    /** The payload as PostgreSQL hands it back (jsonb: its own spacing and key order), which is what is signed. */
    String payload(UUID deliveryId) {
        return text("SELECT payload::text FROM alerts.alert_delivery WHERE id = ?", deliveryId);
    }

    String status(UUID deliveryId) {
        return text("SELECT status FROM alerts.alert_delivery WHERE id = ?", deliveryId);
    }

    void update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String sql, Object value) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, value);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
