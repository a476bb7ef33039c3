package dev.podsearch.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptEventCodecTest {

    static byte[] sample() {
        return ContractSample.bytes();
    }

    @Test
    void decodesTheContractSample() throws IOException {
        TranscriptEvent event = TranscriptEventCodec.decode(sample());

        assertEquals(TranscriptEvent.Type.UPSERT, event.type());
        assertEquals("3f0c9a52-8d0e-4c35-9b8e-2b1d5c7f6a10", event.episodeId());
        assertEquals(2, event.revision());
        assertEquals(Instant.parse("2026-05-17T08:30:00Z"), event.occurredAt());
        assertEquals("Chips, robots and radio hosts", event.episode().title());
        assertEquals(List.of("Emma", "Synthesizer"), event.episode().speakers());
        assertEquals(3, event.segments().size());
        assertEquals(
                new Segment(2000L, 19000L, "Synthesizer", "Deep seek is ditching Nvidia."),
                event.segments().get(1));
        assertNull(event.segments().get(2).endMs());
    }

    @Test
    void encodingRoundTripsTheSample() throws IOException {
        TranscriptEvent event = TranscriptEventCodec.decode(sample());

        assertEquals(event, TranscriptEventCodec.decode(TranscriptEventCodec.encode(event)));
    }

    @Test
    void preEncodedSegmentsGiveTheSameBytes() {
        TranscriptEvent event = TranscriptEventCodec.decode(sample());
        TranscriptEvent noEpisode = new TranscriptEvent(
                event.schemaVersion(), event.type(), "e2", 5, event.occurredAt(), null, event.segments());

        for (TranscriptEvent each : List.of(event, noEpisode, TranscriptEvent.delete("e1", 3, Instant.EPOCH))) {
            assertEquals(
                    new String(TranscriptEventCodec.encode(each), StandardCharsets.UTF_8),
                    new String(
                            TranscriptEventCodec.encode(each, TranscriptEventCodec.encodeSegments(each.segments())),
                            StandardCharsets.UTF_8));
        }
    }

    @Test
    void deleteEventsCarryNoSegments() {
        TranscriptEvent delete = TranscriptEvent.delete("e1", 3, Instant.EPOCH);

        TranscriptEvent decoded = TranscriptEventCodec.decode(TranscriptEventCodec.encode(delete));
        assertEquals(TranscriptEvent.Type.DELETE, decoded.type());
        assertTrue(decoded.segments().isEmpty());
    }

    @Test
    void rejectsUnknownSchemaVersion() {
        var error = assertThrows(
                TranscriptEventCodec.InvalidEventException.class,
                () -> TranscriptEventCodec.decode("{\"schemaVersion\":9,\"type\":\"UPSERT\",\"episodeId\":\"e\"}"));
        assertEquals("unknown schemaVersion 9", error.getMessage());
    }

    @Test
    void rejectsValuesThatAreNotEvents() {
        assertThrows(TranscriptEventCodec.InvalidEventException.class, () -> TranscriptEventCodec.decode("not json"));
        assertThrows(TranscriptEventCodec.InvalidEventException.class, () -> TranscriptEventCodec.decode(new byte[0]));
        assertThrows(
                TranscriptEventCodec.InvalidEventException.class,
                () -> TranscriptEventCodec.decode("{\"schemaVersion\":1,\"type\":\"UPSERT\"}"));
    }
}
