package dev.podsearch.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.events.Segment;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.ingest.parse.SampleExportParser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The segments are serialized once per upload and that one JSON array goes into both the transcript row and the
 * outbox event: both must hold exactly what the parser read.
 */
@QuarkusTest
class StoredSegmentsTest {

    @Test
    void theStoredRowAndThePublishedEventHoldTheParsedSegments() throws Exception {
        String text = SampleExportParserTest.fixture("harbour-episode.txt");
        List<Segment> parsed = new SampleExportParser().parse(text).segments();

        String id = TranscriptResourceTest.upload(text, "Segments " + UUID.randomUUID())
                .path("id");

        String stored = QuarkusTransaction.requiringNew()
                .call(() -> Transcript.<Transcript>findById(UUID.fromString(id)).segments);
        assertEquals(parsed, new ObjectMapper().readValue(stored, new TypeReference<List<Segment>>() {}));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> Transcript.<Transcript>findById(UUID.fromString(id)).status == TranscriptStatus.PUBLISHED));
        List<TranscriptEvent> events = TopicReader.eventsFor(Topics.TRANSCRIPTS, id, Duration.ofSeconds(1));
        assertEquals(1, events.size());
        assertEquals(parsed, events.getFirst().segments());
    }
}
