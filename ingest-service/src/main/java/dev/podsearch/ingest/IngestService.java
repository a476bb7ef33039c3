package dev.podsearch.ingest;

import dev.podsearch.events.Episode;
import dev.podsearch.events.Segment;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.ingest.outbox.Outbox;
import dev.podsearch.ingest.parse.ParsedTranscript;
import dev.podsearch.ingest.parse.SampleExportParser;
import dev.podsearch.ingest.parse.TranscriptParseException;
import dev.podsearch.ingest.parse.TranscriptText;
import dev.podsearch.support.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Parses an upload and stores it with its outbox event in one transaction: either both are committed or neither.
 * Identical content for an episode creates no new revision; new content creates revision n+1.
 */
@ApplicationScoped
public class IngestService {

    @Inject
    Outbox outbox;

    /** Parses and stores; parse errors become 422 problems and store nothing. */
    public IngestResult ingest(byte[] content, EpisodeMetadata metadata) {
        ParsedTranscript parsed = parse(content);
        String title = metadata.title() != null ? metadata.title() : parsed.title();
        if (title == null) {
            throw ProblemException.badParameter(
                    "title", "the transcript has no title line; give one with the title parameter");
        }
        String notes = metadata.notes() != null ? metadata.notes() : parsed.notes();
        return store(
                new EpisodeMetadata(
                        metadata.show(),
                        title,
                        notes,
                        metadata.publishedAt(),
                        metadata.audioUrl(),
                        metadata.language(),
                        metadata.externalId(),
                        metadata.speakers()),
                parsed.segments(),
                "sample-export");
    }

    static ParsedTranscript parse(byte[] content) {
        try {
            String text = TranscriptText.decode(content);
            if (!SampleExportParser.recognizes(text)) {
                throw new TranscriptParseException(
                        "unrecognised transcript format: expected a title line, 'Show notes' and 'Show transcript'", 1);
            }
            return new SampleExportParser().parse(text);
        } catch (TranscriptParseException e) {
            throw new ProblemException(
                    422,
                    "unparseable-transcript",
                    "Transcript cannot be parsed",
                    e.getMessage(),
                    e.line() > 0 ? Map.of("line", e.line()) : Map.of());
        }
    }

    @Transactional
    IngestResult store(EpisodeMetadata metadata, List<Segment> segments, String format) {
        String key = episodeKey(metadata);
        String hash = contentHash(metadata, segments);
        Instant now = Instant.now();
        Transcript transcript = Transcript.lockByEpisodeKey(key).orElse(null);
        if (transcript != null
                && hash.equals(transcript.contentSha256)
                && transcript.status != TranscriptStatus.DELETED) {
            Log.infof("episode %s: identical upload, revision %d kept", transcript.id, transcript.revision);
            return new IngestResult(transcript.id, transcript.revision, transcript.status, false);
        }
        if (transcript == null) {
            transcript = new Transcript();
            transcript.id = UUID.randomUUID();
            transcript.episodeKey = key;
            transcript.revision = 1;
        } else {
            transcript.revision++;
        }
        transcript.externalId = metadata.externalId();
        transcript.show = metadata.show();
        transcript.title = metadata.title();
        transcript.notes = metadata.notes();
        transcript.publishedAt = metadata.publishedAt();
        transcript.audioUrl = metadata.audioUrl();
        transcript.language = metadata.language();
        transcript.speakers = metadata.speakers();
        transcript.contentSha256 = hash;
        transcript.format = format;
        transcript.segments = segments;
        transcript.segmentCount = segments.size();
        transcript.status = TranscriptStatus.RECEIVED;
        transcript.statusReason = null;
        transcript.receivedAt = now;
        transcript.publishedToKafkaAt = null;
        transcript.indexedAt = null;
        transcript.deletedAt = null;
        transcript.updatedAt = now;
        transcript.persist();
        outbox.add(TranscriptEvent.upsert(
                transcript.id.toString(), transcript.revision, now, episode(transcript), segments));
        Log.infof("episode %s: stored revision %d (%d segments)", transcript.id, transcript.revision, segments.size());
        return new IngestResult(transcript.id, transcript.revision, transcript.status, true);
    }

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

    private static String contentHash(EpisodeMetadata metadata, List<Segment> segments) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(metadata.toString().getBytes(StandardCharsets.UTF_8));
            for (Segment segment : segments) {
                digest.update(segment.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
