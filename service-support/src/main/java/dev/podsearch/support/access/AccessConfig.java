package dev.podsearch.support.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** API keys ({@code access.*}): where the services that keep no keys ask about one, and for how long they trust it. */
@ConfigMapping(prefix = "access")
public interface AccessConfig {

    /**
     * The ingest service, which keeps the keys: index, query and alert-service ask its /v1/access/whoami. Several
     * addresses (comma-separated: instances without a load balancer in front, as {@code ./podsearch up --cluster}
     * starts them) are asked in turn: one that cannot be reached hands the question to the next.
     */
    Optional<List<URI>> verifyUrl();

    /** How long a service that asked trusts a valid key: also how long a revoked key may still work there. */
    @WithDefault("30s")
    Duration cacheTtl();

    /**
     * How long a service that asked remembers that a key is not valid: a flood of made-up keys costs one question per
     * key per period, and a key created meanwhile works after at most this long there.
     */
    @WithDefault("5s")
    Duration negativeCacheTtl();

    /**
     * How often a service that asked about keys asks which were revoked since (needs the service token): about how
     * long a revoked key still works there.
     */
    @WithDefault("1s")
    Duration revocationPoll();

    /**
     * A secret the services share (a Kubernetes Secret, the local stack makes one per run): index-service and
     * query-service send it with their key checks ({@link ServiceToken#HEADER}); ingest-service lets checks that carry
     * it past every rate limit, so they never starve on a public bucket. Unset (and no {@link #serviceTokenFile()}):
     * checks are counted like any request.
     */
    Optional<String> serviceToken();

    /** The same secret read from a file (the local stack's {@code local/service-token}): kept off command lines. */
    Optional<Path> serviceTokenFile();

    /**
     * Ingest service only: a file holding one key (the local stack's {@code local/api-key}), made an admin key at
     * start if no key has its id yet. The secret never travels on a command line or in the environment.
     */
    Optional<Path> bootstrapKeyFile();
}
