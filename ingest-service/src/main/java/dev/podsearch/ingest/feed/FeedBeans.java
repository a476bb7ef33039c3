package dev.podsearch.ingest.feed;

import dev.podsearch.ingest.IngestConfig;
import dev.podsearch.support.outbound.OutboundUrlGuard;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The fetcher the pollers share, guarded by service-support's {@link OutboundUrlGuard} ({@code outbound.allow}). */
@Singleton
public class FeedBeans {

    @Produces
    @Singleton
    FeedFetcher fetcher(OutboundUrlGuard guard, IngestConfig config) {
        IngestConfig.Feeds feeds = config.feeds();
        return new FeedFetcher(guard, feeds.connectTimeout(), feeds.requestTimeout(), feeds.maxRedirects());
    }

    void close(@Disposes FeedFetcher fetcher) {
        fetcher.close();
    }
}
