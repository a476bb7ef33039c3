package dev.podsearch.ingest.feed;

import dev.podsearch.ingest.EpisodeMetadata;
import dev.podsearch.ingest.IngestConfig;
import dev.podsearch.ingest.IngestResult;
import dev.podsearch.ingest.IngestService;
import dev.podsearch.ingest.Upload;
import dev.podsearch.support.Problem;
import dev.podsearch.support.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One feed item to an episode: fetches the richest transcript it offers (conditionally, with the validators of the
 * last fetch) and hands it to {@link IngestService} exactly as an upload (same parsing, revisions, outbox, statuses),
 * with the item's metadata; then records on the item what happened.
 */
@ApplicationScoped
public class EntryIngest {

    @Inject
    FeedFetcher fetcher;

    @Inject
    IngestService ingest;

    @Inject
    IngestConfig config;

    ItemOutcome ingest(UUID feedId, FeedDocument feed, FeedItem item, FeedEntry known) {
        FeedEntry entry = known != null ? known : newEntry(feedId, item.guid());
        entry.title = item.title();
        entry.inFeed = true;
        ItemOutcome outcome = fetchAndStore(feed, item, entry);
        entry.updatedAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> FeedEntry.getEntityManager().merge(entry));
        return outcome;
    }

    private ItemOutcome fetchAndStore(FeedDocument feed, FeedItem item, FeedEntry entry) {
        TranscriptLink link = item.bestTranscript().orElse(null);
        if (link == null) {
            entry.transcriptUrl = null;
            entry.transcriptType = null;
            entry.error = item.transcripts().isEmpty()
                    ? null
                    : "offers transcripts only in types this service does not read ("
                            + item.transcripts().stream()
                                    .map(TranscriptLink::mediaType)
                                    .collect(Collectors.joining(", "))
                            + ")";
            return ItemOutcome.NO_TRANSCRIPT;
        }
        EpisodeMetadata metadata;
        try {
            metadata = metadata(feed, item, link);
        } catch (ProblemException e) {
            entry.error = "the item's " + e.problem().extensions().get("parameter") + " was refused: "
                    + e.problem().detail();
            return ItemOutcome.FAILED;
        }
        String metadataKey = metadata.toString();
        // asked conditionally only when the stored revision was made from this very transcript URL and metadata
        boolean conditional = entry.episodeId != null
                && entry.error == null
                && link.url().equals(entry.transcriptUrl)
                && metadataKey.equals(entry.metadataKey);
        entry.transcriptUrl = link.url();
        entry.transcriptType = link.mediaType();
        entry.captions = link.captions();
        try {
            Fetched fetched = fetcher.get(
                    link.url(),
                    "the transcript",
                    conditional ? entry.transcriptEtag : null,
                    conditional ? entry.transcriptLastModified : null,
                    config.maxUploadBytes().asLongValue());
            if (fetched.notModified()) {
                entry.error = null;
                return ItemOutcome.UNCHANGED;
            }
            IngestResult result =
                    ingest.ingest(new Upload(fetched.body(), contentType(link, fetched), null, metadata, null));
            entry.episodeId = result.id();
            entry.metadataKey = metadataKey;
            entry.revision = result.revision();
            entry.transcriptEtag = fetched.etag();
            entry.transcriptLastModified = fetched.lastModified();
            entry.error = null;
            return result.created() ? ItemOutcome.STORED : ItemOutcome.UNCHANGED;
        } catch (FeedException e) {
            entry.error = e.getMessage();
        } catch (ProblemException e) {
            entry.error = describe(link, e.problem());
        }
        entry.transcriptEtag = null; // fetched again in full next time
        entry.transcriptLastModified = null;
        Log.infof("feed item %s: %s", entry.guid, entry.error);
        return ItemOutcome.FAILED;
    }

    private static EpisodeMetadata metadata(FeedDocument feed, FeedItem item, TranscriptLink link) {
        return EpisodeMetadata.of(
                feed.title(),
                item.title(),
                null,
                item.publishedAt() == null ? null : item.publishedAt().toString(),
                item.enclosureUrl(),
                link.language() != null ? link.language() : feed.language(),
                item.guid(),
                null);
    }

    private static String contentType(TranscriptLink link, Fetched fetched) {
        if (!link.mediaType().isEmpty()) {
            return link.mediaType();
        }
        return fetched.contentType() == null
                ? null
                : fetched.contentType().split(";", 2)[0].strip();
    }

    /** The problem an upload would have answered, as a sentence: what, and where (line, or which field). */
    static String describe(TranscriptLink link, Problem problem) {
        Object line = problem.extensions().get("line");
        Object parameter = problem.extensions().get("parameter");
        String where = line != null ? " (line " + line + ")" : parameter != null ? " (" + parameter + ")" : "";
        return "the transcript at " + link.url() + " was refused: " + problem.detail() + where;
    }

    private static FeedEntry newEntry(UUID feedId, String guid) {
        FeedEntry entry = new FeedEntry();
        entry.id = UUID.randomUUID();
        entry.feedId = feedId;
        entry.guid = guid;
        return entry;
    }
}
