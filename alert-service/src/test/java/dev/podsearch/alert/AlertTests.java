package dev.podsearch.alert;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEventCodec;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the matching tests do: save alerts through the API, publish outcomes, read the deliveries recorded. */
final class AlertTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertTests() {}

    /** Saves an alert for q (webhook on loopback) with these extra fields; its id. */
    static String alert(String q, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(AlertResourceTest.alert(q));
        body.putAll(fields);
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/alerts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Publishes an outcome on transcripts.indexed.v1, keyed by episode as index-service does. */
    static void publish(IndexedEvent event) throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            Topics.TRANSCRIPTS_INDEXED, event.episodeId(), TranscriptEventCodec.encodeIndexed(event)))
                    .get();
        }
    }

    /** The payloads of the deliveries of an alert about an episode in a phase. */
    static List<JsonNode> payloads(AgroalDataSource dataSource, String alert, String episode, String phase)
            throws Exception {
        List<JsonNode> payloads = new ArrayList<>();
        for (String row : column(dataSource, alert, episode, phase, "payload::text")) {
            payloads.add(JSON.readTree(row));
        }
        return payloads;
    }

    static List<String> column(AgroalDataSource dataSource, String alert, String episode, String phase, String column)
            throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT " + column
                        + " FROM alerts.alert_delivery WHERE alert_id = ?::uuid AND episode_id = ? AND phase = ?")) {
            select.setString(1, alert);
            select.setString(2, episode);
            select.setString(3, phase);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    static List<Long> starts(JsonNode payload) {
        List<Long> starts = new ArrayList<>();
        payload.path("moments").forEach(m -> starts.add(m.path("startMs").asLong()));
        return starts;
    }
}
