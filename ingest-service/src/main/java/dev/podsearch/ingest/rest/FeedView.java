package dev.podsearch.ingest.rest;

import dev.podsearch.ingest.feed.Feed;
import dev.podsearch.ingest.feed.FeedEntry;
import dev.podsearch.ingest.feed.PollResult;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as the API shows it; {@code items} only for one feed, not in the listing. */
public record FeedView(
        UUID id,
        String url,
        String title,
        String language,
        Instant createdAt,
        Instant lastPollAt,
        PollResult lastResult,
        String lastError,
        int failures,
        Instant nextPollAt,
        boolean polling,
        List<Item> items) {

    /** An item of the feed: the transcript chosen for it and the episode it became, or its error. */
    public record Item(
            String guid,
            String title,
            String transcriptUrl,
            String transcriptType,
            boolean captions,
            UUID episodeId,
            Long revision,
            String error,
            boolean inFeed,
            Instant updatedAt) {

        static Item of(FeedEntry e) {
            return new Item(
                    e.guid,
                    e.title,
                    e.transcriptUrl,
                    e.transcriptType,
                    e.captions,
                    e.episodeId,
                    e.revision,
                    e.error,
                    e.inFeed,
                    e.updatedAt);
        }
    }

    static FeedView of(Feed f, List<FeedEntry> entries) {
        return new FeedView(
                f.id,
                f.url,
                f.title,
                f.language,
                f.createdAt,
                f.lastPollAt,
                f.lastResult,
                f.lastError,
                f.failures,
                f.nextPollAt,
                f.leaseUntil != null && f.leaseUntil.isAfter(Instant.now()),
                entries == null ? null : entries.stream().map(Item::of).toList());
    }
}
