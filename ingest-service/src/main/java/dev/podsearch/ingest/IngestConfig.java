package dev.podsearch.ingest;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The ingest service's own settings ({@code ingest.*} in application.properties). */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** Largest upload accepted; larger ones are answered 413. */
    @WithDefault("20M")
    MemorySize maxUploadBytes();

    Drop drop();

    Outbox outbox();

    Feeds feeds();

    interface Drop {
        /** The drop folder; unset means no drop folder. */
        Optional<Path> dir();

        /** How often incoming/ is scanned. */
        @WithDefault("1s")
        Duration pollInterval();
    }

    interface Outbox {
        /** Most events published per relay round. */
        @WithDefault("200")
        int batchSize();

        /** How long a round waits for Kafka to confirm its events before it gives up and retries. */
        @WithDefault("15s")
        Duration sendTimeout();
    }

    /** Feed subscriptions; which non-public addresses a feed may have: {@code outbound.allow} (service-support). */
    interface Feeds {
        /** How often each feed is polled; each poll is moved by up to {@link #jitter()} of it either way. */
        @WithDefault("30m")
        Duration pollInterval();

        /** The share of the interval by which a poll moves at random, so that feeds spread out (0 to 0.5). */
        @WithDefault("0.1")
        double jitter();

        /** The longest wait after repeated failures (each failure doubles the interval up to this). */
        @WithDefault("24h")
        Duration maxBackoff();

        /** How often an instance looks for due feeds ({@code off}: never; polls then come only from the API). */
        @WithDefault("30s")
        String checkEvery();

        /** Most feeds one instance claims per check. */
        @WithDefault("4")
        int claimLimit();

        /** How long a claimed feed stays leased to its poller without news from it (renewed after each item). */
        @WithDefault("5m")
        Duration lease();

        /** Largest feed document read; a transcript may be as large as {@code ingest.max-upload-bytes}. */
        @WithDefault("5M")
        MemorySize maxFeedBytes();

        /** Most items of one feed read per poll, the first in the feed (the newest, in the usual order). */
        @WithDefault("300")
        int maxItems();

        /** Redirects followed per fetch, each one checked again against the address rules. */
        @WithDefault("5")
        int maxRedirects();

        @WithDefault("5s")
        Duration connectTimeout();

        /** One whole fetch of a feed or a transcript: connecting, every redirect and the body. */
        @WithDefault("30s")
        Duration requestTimeout();
    }
}
