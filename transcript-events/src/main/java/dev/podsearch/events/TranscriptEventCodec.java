package dev.podsearch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The one JSON mapping of the contract, used by producers and consumers alike. */
public final class TranscriptEventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private TranscriptEventCodec() {}

    public static byte[] encode(TranscriptEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode event of episode " + event.episodeId(), e);
        }
    }

    /**
     * The same bytes as {@link #encode(TranscriptEvent)}, with the segments given as the JSON array {@link
     * #encodeSegments} made of them (the producer stores that array anyway): a 25 KB transcript's segments are
     * serialized once per upload instead of twice.
     */
    public static byte[] encode(TranscriptEvent event, String segmentsJson) {
        try {
            return MAPPER.writeValueAsBytes(new PreEncoded(
                    event.schemaVersion(),
                    event.type(),
                    event.episodeId(),
                    event.revision(),
                    event.occurredAt(),
                    event.episode(),
                    segmentsJson));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode event of episode " + event.episodeId(), e);
        }
    }

    /** {@link TranscriptEvent}'s fields in its order, the segments already JSON (the codec test holds them equal). */
    private record PreEncoded(
            int schemaVersion,
            TranscriptEvent.Type type,
            String episodeId,
            long revision,
            java.time.Instant occurredAt,
            Episode episode,
            @JsonRawValue String segments) {}

    /**
     * Decodes an envelope.
     *
     * @throws InvalidEventException when the bytes are not a valid envelope of a known schema version
     */
    public static TranscriptEvent decode(byte[] json) {
        if (json == null || json.length == 0) {
            throw new InvalidEventException("empty record value");
        }
        final TranscriptEvent event;
        try {
            event = MAPPER.readValue(json, TranscriptEvent.class);
        } catch (IOException | RuntimeException e) {
            throw new InvalidEventException("not a transcript event: " + firstLine(e.getMessage()));
        }
        if (event.schemaVersion() != TranscriptEvent.SCHEMA_VERSION) {
            throw new InvalidEventException("unknown schemaVersion " + event.schemaVersion());
        }
        return event;
    }

    /** Segments as the JSON array the envelope carries them in. */
    public static String encodeSegments(java.util.List<Segment> segments) {
        try {
            return MAPPER.writeValueAsString(segments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode segments", e);
        }
    }

    public static byte[] encodeIndexed(IndexedEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode indexed event of episode " + event.episodeId(), e);
        }
    }

    public static IndexedEvent decodeIndexed(byte[] json) {
        try {
            return MAPPER.readValue(json, IndexedEvent.class);
        } catch (IOException | RuntimeException e) {
            throw new InvalidEventException("not an indexed event: " + firstLine(e.getMessage()));
        }
    }

    public static TranscriptEvent decode(String json) {
        return decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** A record value that is not a valid envelope: never retried, dead-lettered. */
    public static final class InvalidEventException extends RuntimeException {
        public InvalidEventException(String message) {
            super(message);
        }
    }
}
