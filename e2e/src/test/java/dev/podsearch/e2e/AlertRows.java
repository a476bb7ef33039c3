package dev.podsearch.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * alert-service's delivery rows read from PostgreSQL, for what its API does not show: the deliveries of a deleted
 * alert (the API answers 404 for the alert and its deliveries).
 */
final class AlertRows {

    private AlertRows() {}

    /** The status of each delivery recorded for the alert (none: an empty list), oldest first. */
    static List<String> statuses(String alertId) {
        return column(
                "SELECT status FROM alerts.alert_delivery WHERE alert_id = CAST(? AS uuid) ORDER BY created_at",
                alertId);
    }

    /** How many attempts were recorded for the alert's deliveries. */
    static int attempts(String alertId) {
        return Integer.parseInt(column(
                        "SELECT count(*) FROM alerts.alert_delivery_attempt t JOIN alerts.alert_delivery d"
                                + " ON d.id = t.delivery_id WHERE d.alert_id = CAST(? AS uuid)",
                        alertId)
                .getFirst());
    }

    private static List<String> column(String sql, String alertId) {
        Map<String, String> database = PodsearchSystem.get().stack().quarkusProperties();
        try (Connection connection = DriverManager.getConnection(
                        database.get("quarkus.datasource.jdbc.url"),
                        database.get("quarkus.datasource.username"),
                        database.get("quarkus.datasource.password"));
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, alertId);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read alert " + alertId + "'s deliveries", e);
        }
    }
}
