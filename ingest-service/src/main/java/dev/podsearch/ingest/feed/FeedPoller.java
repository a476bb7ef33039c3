package dev.podsearch.ingest.feed;

import dev.podsearch.ingest.IngestConfig;
import dev.podsearch.ingest.IngestMetrics;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Polls one feed its caller holds the lease of: fetches it (conditionally), reads it, ingests each item, and records
 * the result, the next poll and the validators on the feed, releasing the lease. Whatever happens, the feed gets a
 * result and a next poll: no failure leaves a subscription stuck.
 */
@ApplicationScoped
public class FeedPoller {

    private volatile PollSchedule schedule;

    @Inject
    IngestConfig config;

    @Inject
    FeedFetcher fetcher;

    @Inject
    FeedLeases leases;

    @Inject
    EntryIngest entries;

    @Inject
    IngestMetrics metrics;

    public void poll(UUID id, String owner) {
        Feed feed = QuarkusTransaction.requiringNew().call(() -> Feed.<Feed>findById(id));
        if (feed == null) {
            return; // unsubscribed meanwhile
        }
        PollOutcome outcome;
        try {
            Fetched fetched = fetcher.get(
                    feed.url,
                    "the feed",
                    feed.etag,
                    feed.lastModified,
                    config.feeds().maxFeedBytes().asLongValue());
            outcome = fetched.notModified()
                    ? PollOutcome.notModified()
                    : readItems(id, owner, FeedParser.parse(fetched.body()), fetched);
        } catch (FeedException e) {
            outcome = PollOutcome.failed(e.getMessage());
        } catch (RuntimeException e) {
            Log.errorf(e, "feed %s: poll failed", id);
            outcome = PollOutcome.failed(
                    "the poll failed inside the service (" + e.getClass().getSimpleName()
                            + "); it is retried with backoff, and the service log has the details");
        }
        record(id, owner, outcome);
    }

    private PollOutcome readItems(UUID id, String owner, FeedDocument document, Fetched fetched) {
        Map<String, FeedEntry> known = new HashMap<>();
        QuarkusTransaction.requiringNew()
                .run(() -> FeedEntry.<FeedEntry>list("feedId", id).forEach(e -> {
                    known.put(e.guid, e);
                }));
        PollOutcome.Counts counts = new PollOutcome.Counts();
        Set<String> seen = new HashSet<>();
        for (FeedItem item :
                document.items().stream().limit(config.feeds().maxItems()).toList()) {
            if (item.guid() == null) {
                counts.unidentified(item.line());
                continue;
            }
            if (!seen.add(item.guid())) {
                continue; // a repeated guid: the first one in the feed counts
            }
            counts.add(entries.ingest(id, document, item, known.get(item.guid())));
            if (!leases.renew(id, owner)) {
                Log.warnf("feed %s: lease lost during the poll; another poller has it now", id);
                return PollOutcome.failed("the poll took longer than ingest.feeds.lease and was taken over");
            }
        }
        // items that left the feed stay, and so do their episodes (nothing is deleted from search)
        QuarkusTransaction.requiringNew()
                .run(() -> FeedEntry.update(
                        seen.isEmpty()
                                ? "inFeed = false where feedId = ?1"
                                : "inFeed = false where feedId = ?1 and guid not in ?2",
                        seen.isEmpty() ? new Object[] {id} : new Object[] {id, seen}));
        return PollOutcome.read(document, fetched, counts, document.items().size());
    }

    private void record(UUID id, String owner, PollOutcome outcome) {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            Feed feed = Feed.findById(id);
            if (feed == null || !owner.equals(feed.leaseOwner)) {
                return; // unsubscribed, or the lease ended and another poller took it: its poll counts
            }
            feed.lastPollAt = now;
            feed.lastResult = outcome.result();
            feed.lastError = outcome.error();
            feed.failures = outcome.result() == PollResult.FAILED ? feed.failures + 1 : 0;
            feed.nextPollAt = schedule.next(now, feed.failures, ThreadLocalRandom.current());
            if (outcome.document() != null) {
                feed.title = outcome.document().title();
                feed.language = outcome.document().language();
            }
            if (outcome.keepValidators()) {
                feed.etag = outcome.fetched().etag();
                feed.lastModified = outcome.fetched().lastModified();
            } else if (outcome.result() != PollResult.NOT_MODIFIED) {
                feed.etag = null; // read in full next time, so the failed items are tried again
                feed.lastModified = null;
            }
            feed.leaseOwner = null;
            feed.leaseUntil = null;
        });
        metrics.feedPoll(outcome.result().name());
        Log.infof("feed %s: %s%s", id, outcome.result(), outcome.error() == null ? "" : " (" + outcome.error() + ")");
    }

    /**
     * Reads the schedule once, at start: ingest.feeds.jitter outside 0 to 0.5 stops the start, rather than failing
     * every poll's bookkeeping (each failed one leaves its feed leased until the lease runs out).
     */
    void readSchedule(@Observes StartupEvent event) {
        IngestConfig.Feeds feeds = config.feeds();
        try {
            schedule = new PollSchedule(feeds.pollInterval(), feeds.jitter(), feeds.maxBackoff());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ingest.feeds." + e.getMessage(), e);
        }
    }
}
