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
}
