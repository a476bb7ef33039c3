package dev.podsearch.ingest.rest;

import dev.podsearch.ingest.Transcript;
import dev.podsearch.ingest.TranscriptStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An upload as the API shows it: metadata, revision, status, when each step happened, and the trace id of the upload
 * that made the revision (every span and log line of its way to search carries it).
 */
public record TranscriptView(
        UUID id,
        long revision,
        TranscriptStatus status,
        String statusReason,
        String show,
        String title,
        String notes,
        Instant publishedAt,
        String audioUrl,
        String language,
        String externalId,
        List<String> speakers,
        String format,
        int segments,
        Steps steps,
        String traceId) {

    /**
     * When each step happened: {@code indexed}, keyword-searchable; {@code embedded}, semantically searchable too (its
     * vectors written by the embed stage).
     */
    public record Steps(Instant received, Instant published, Instant indexed, Instant embedded, Instant deleted) {}

    static TranscriptView of(Transcript t) {
        return new TranscriptView(
                t.id,
                t.revision,
                t.status,
                t.statusReason,
                t.show,
                t.title,
                t.notes,
                t.publishedAt,
                t.audioUrl,
                t.language,
                t.externalId,
                t.speakers,
                t.format,
                t.segmentCount,
                new Steps(t.receivedAt, t.publishedToKafkaAt, t.indexedAt, t.embeddedAt, t.deletedAt),
                t.traceId);
    }
}
