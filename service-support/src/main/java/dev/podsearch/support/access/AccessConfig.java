package dev.podsearch.support.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** API keys ({@code access.*}): where the services that keep no keys ask about one, and for how long they trust it. */
@ConfigMapping(prefix = "access")
public interface AccessConfig {

    /** The ingest service, which keeps the keys: index-service and query-service ask its /v1/access/whoami. */
    Optional<URI> verifyUrl();

    /** How long a service that asked trusts a valid key: also how long a revoked key may still work there. */
    @WithDefault("30s")
    Duration cacheTtl();

    /**
     * Ingest service only: a file holding one key (the local stack's {@code local/api-key}), made an admin key at
     * start if no key has its id yet. The secret never travels on a command line or in the environment.
     */
    Optional<Path> bootstrapKeyFile();
}
