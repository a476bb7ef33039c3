package dev.podsearch.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * alert-service's delivery rows read from PostgreSQL, for what its API does not show: the deliveries of a deleted
 * alert (the API answers 404 for the alert and its deliveries).
 */
final class AlertRows {

    private AlertRows() {}

    /** How many deliveries alert-service has recorded for the alert, whatever their status. */
    static long deliveries(String alertId) {
        Map<String, String> database = PodsearchSystem.get().stack().quarkusProperties();
        try (Connection connection = DriverManager.getConnection(
                        database.get("quarkus.datasource.jdbc.url"),
                        database.get("quarkus.datasource.username"),
                        database.get("quarkus.datasource.password"));
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM alerts.alert_delivery WHERE alert_id = CAST(? AS uuid)")) {
            count.setString(1, alertId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read alert " + alertId + "'s deliveries", e);
        }
    }
}
