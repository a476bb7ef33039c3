package dev.podsearch.ingest.feed;

import dev.podsearch.ingest.IngestConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** Every {@code ingest.feeds.check-every}, claims the feeds that are due and polls them, one after the other. */
@ApplicationScoped
public class FeedScheduler {

    /** This instance, as a lease owner. */
    private final String owner = "ingest-" + UUID.randomUUID();

    @Inject
    IngestConfig config;

    @Inject
    FeedLeases leases;

    @Inject
    FeedPoller poller;

    public String owner() {
        return owner;
    }

    @Scheduled(
            every = "${ingest.feeds.check-every:30s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollDue() {
        List<UUID> due;
        try {
            due = leases.claimDue(owner, config.feeds().claimLimit());
        } catch (RuntimeException e) {
            Log.warnf("feeds: could not claim due feeds (%s); trying again at the next check", e.getMessage());
            return;
        }
        for (UUID id : due) {
            poller.poll(id, owner);
        }
    }
}
