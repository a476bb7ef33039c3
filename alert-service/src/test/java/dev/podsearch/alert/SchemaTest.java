package dev.podsearch.alert;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podsearch.testing.management.ManagementPort;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service starts on the real stack with its schema migrated into a schema of its own. */
@QuarkusTest
class SchemaTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void migratesItsTablesIntoTheAlertsSchema() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'alerts'"
                                + " AND table_name LIKE 'alert%' ORDER BY table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertEquals(List.of("alert", "alert_delivery", "alert_delivery_attempt"), tables);
    }

    @Test
    void answersHealthChecks() {
        ManagementPort.given()
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }
}
