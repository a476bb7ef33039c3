package dev.podsearch.ingest;

import dev.podsearch.events.Segment;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.ingest.outbox.Outbox;
import dev.podsearch.ingest.parse.TranscriptFormat;
import dev.podsearch.support.LogFields;
import dev.podsearch.support.ProblemException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.StatelessSession;

/**
 * Parses an upload and stores it with its outbox event in one transaction: either both are committed or neither.
 * Identical content for an episode creates no new revision; new content creates revision n+1.
 */
@ApplicationScoped
public class IngestService {

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    IngestMetrics metrics;

    /**
     * An upload's reads and writes: no persistence context, so no snapshot copies at persist and no dirty check at
     * commit; it joins the request's JTA transaction (the same connection as the idempotency key's statements), so the
     * transcript and its outbox row still commit together or not at all.
     */
    @Inject
    StatelessSession session;

    /** Parses and stores; parse errors become 422 problems and store nothing. Counted either way. */
    public IngestResult ingest(Upload upload) {
        String format = null;
        try {
            UploadParser.Parsed parsed = UploadParser.parse(upload);
            format = parsed.format().parameter();
            IngestResult result = ingest(upload, parsed);
            metrics.upload(format, result, upload.content().length);
            return result;
        } catch (ProblemException e) {
            metrics.upload(format, null, upload.content().length);
            throw e;
        }
    }

    private IngestResult ingest(Upload upload, UploadParser.Parsed parsed) {
        EpisodeMetadata given = upload.metadata();
        String title =
                given.title() != null ? given.title() : parsed.transcript().title();
        if (title == null) {
            throw ProblemException.badParameter(
                    "title",
                    "a " + parsed.format().parameter()
                            + " transcript carries no title; give one with the title parameter");
        }
        String notes =
                given.notes() != null ? given.notes() : parsed.transcript().notes();
        EpisodeMetadata metadata = new EpisodeMetadata(
                given.show(),
                title,
                notes,
                given.publishedAt(),
                given.audioUrl(),
                given.language(),
                given.externalId(),
                given.speakers());
        return store(
                metadata,
                parsed.transcript().segments(),
                parsed.format(),
                upload.idempotencyKey(),
                upload.idempotencyKey() == null ? null : UploadIdentity.requestHash(upload)); // only a key needs it
    }

    @Transactional
    IngestResult store(
            EpisodeMetadata metadata,
            List<Segment> segments,
            TranscriptFormat format,
            String idempotencyKey,
            String requestHash) {
        if (idempotencyKey != null) {
            Optional<IngestResult> earlier = idempotencyKeys.claim(idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        IngestResult result = storeRevision(metadata, segments, format);
        if (idempotencyKey != null) {
            idempotencyKeys.remember(idempotencyKey, result);
        }
        return result;
    }

    private IngestResult storeRevision(EpisodeMetadata metadata, List<Segment> segments, TranscriptFormat format) {
        String key = UploadIdentity.episodeKey(metadata);
        String hash = UploadIdentity.contentHash(metadata, segments);
        Instant now = Instant.now();
        Transcript transcript = Transcript.lockByEpisodeKey(session, key).orElse(null);
        if (transcript != null
                && hash.equals(transcript.contentSha256)
                && transcript.status != TranscriptStatus.DELETED) {
            try (LogFields fields = LogFields.episode(transcript.id, transcript.revision)) {
                Log.infof("episode %s: identical upload, revision %d kept", transcript.id, transcript.revision);
            }
            return new IngestResult(transcript.id, transcript.revision, transcript.status, false, transcript.traceId);
        }
        boolean isNew = transcript == null;
        if (isNew) {
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
        transcript.speakers = UploadIdentity.speakers(metadata.speakers(), segments);
        transcript.contentSha256 = hash;
        transcript.format = format.parameter();
        String segmentsJson = TranscriptEventCodec.encodeSegments(segments); // once: the row and the event carry it
        transcript.segments = segmentsJson;
        transcript.segmentCount = segments.size();
        transcript.status = TranscriptStatus.RECEIVED;
        transcript.statusReason = null;
        transcript.receivedAt = now;
        transcript.publishedToKafkaAt = null;
        transcript.indexedAt = null;
        transcript.embeddedAt = null;
        transcript.deletedAt = null;
        transcript.updatedAt = now;
        transcript.traceId = currentTraceId();
        if (isNew) {
            session.insert(transcript);
        } else {
            session.update(transcript);
        }
        outbox.add(
                TranscriptEvent.upsert(
                        transcript.id.toString(),
                        transcript.revision,
                        now,
                        UploadIdentity.episode(transcript),
                        segments),
                segmentsJson);
        try (LogFields fields = LogFields.episode(transcript.id, transcript.revision)) {
            Log.infof(
                    "episode %s: stored revision %d (%s, %d segments)",
                    transcript.id, transcript.revision, format.parameter(), segments.size());
        }
        return new IngestResult(transcript.id, transcript.revision, transcript.status, true, transcript.traceId);
    }

    /**
     * Removes an episode from search: a new revision whose event is a DELETE. Deleting a deleted episode changes
     * nothing.
     */
    @Transactional
    public Optional<IngestResult> delete(UUID id) {
        Optional<Transcript> found = Transcript.lockById(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Transcript transcript = found.get();
        if (transcript.status == TranscriptStatus.DELETED) {
            return Optional.of(new IngestResult(id, transcript.revision, transcript.status, false, transcript.traceId));
        }
        Instant now = Instant.now();
        transcript.revision++;
        transcript.status = TranscriptStatus.DELETED;
        transcript.statusReason = null;
        transcript.deletedAt = now;
        transcript.updatedAt = now;
        transcript.traceId = currentTraceId();
        outbox.add(TranscriptEvent.delete(id.toString(), transcript.revision, now));
        try (LogFields fields = LogFields.episode(id, transcript.revision)) {
            Log.infof("episode %s: deleted as revision %d", id, transcript.revision);
        }
        return Optional.of(new IngestResult(id, transcript.revision, transcript.status, true, transcript.traceId));
    }

    /** The trace this request (or drop-folder file) belongs to; null when none is current. */
    private static String currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
