package dev.podsearch.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The envelope published on {@link Topics#TRANSCRIPTS}. Version {@value #SCHEMA_VERSION} of the contract.
 *
 * @param schemaVersion the contract version the producer wrote; consumers reject versions they do not know
 * @param type whether the episode is created/replaced or removed
 * @param episodeId stable id of the episode; also the record key
 * @param revision increases by one with every new content of the episode
 * @param occurredAt when the producer accepted this revision
 * @param episode the episode's metadata; present for {@link Type#UPSERT}
 * @param segments the transcript in time order; empty for {@link Type#DELETE}
 */
public record TranscriptEvent(
        int schemaVersion,
        Type type,
        String episodeId,
        long revision,
        Instant occurredAt,
        Episode episode,
        List<Segment> segments) {

    public static final int SCHEMA_VERSION = 1;

    public enum Type {
        UPSERT,
        DELETE
    }

    public TranscriptEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(episodeId, "episodeId");
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    public static TranscriptEvent upsert(
            String episodeId, long revision, Instant occurredAt, Episode episode, List<Segment> segments) {
        return new TranscriptEvent(SCHEMA_VERSION, Type.UPSERT, episodeId, revision, occurredAt, episode, segments);
    }

    public static TranscriptEvent delete(String episodeId, long revision, Instant occurredAt) {
        return new TranscriptEvent(SCHEMA_VERSION, Type.DELETE, episodeId, revision, occurredAt, null, List.of());
    }
}
