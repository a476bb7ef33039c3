package dev.podsearch.ingest;

import dev.podsearch.events.Episode;
import dev.podsearch.events.Segment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What identifies an upload and what it stores besides its text: the episode key two uploads of one episode share,
 * the hash of its content (an unchanged re-upload is no new revision), the hash of a request (an Idempotency-Key's),
 * the speakers shown, and the event's episode of a stored row.
 */
final class UploadIdentity {

    private UploadIdentity() {}

    static Episode episode(Transcript t) {
        return new Episode(t.show, t.title, t.notes, t.publishedAt, t.audioUrl, t.language, t.externalId, t.speakers);
    }

    static String episodeKey(EpisodeMetadata metadata) {
        if (metadata.externalId() != null) {
            return "external:" + metadata.externalId();
        }
        return "show-title:" + Objects.toString(metadata.show(), "").toLowerCase(Locale.ROOT) + "\n"
                + metadata.title().toLowerCase(Locale.ROOT);
    }

    static String contentHash(EpisodeMetadata metadata, List<Segment> segments) {
        MessageDigest digest = sha256();
        digest.update(metadata.toString().getBytes(StandardCharsets.UTF_8));
        for (Segment segment : segments) {
            digest.update(segment.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** What makes two requests the same for an Idempotency-Key: the bytes, their type, the format and the metadata. */
    static String requestHash(Upload upload) {
        MessageDigest digest = sha256();
        digest.update(upload.content());
        digest.update((upload.contentType() + "\n" + upload.format() + "\n" + upload.metadata())
                .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The speakers given, then those the transcript's lines name (SRT's {@code Name:}, VTT's {@code <v Name>}, JSON's
     * {@code speaker}) in the order they first speak: what the query service shows for the episode. Not part of the
     * content hash, which stays that of what was uploaded.
     */
    static List<String> speakers(List<String> given, List<Segment> segments) {
        java.util.Set<String> speakers = new java.util.LinkedHashSet<>(given);
        for (Segment segment : segments) {
            if (segment.speaker() != null && !segment.speaker().isBlank()) {
                speakers.add(segment.speaker());
            }
        }
        return List.copyOf(speakers);
    }
}
