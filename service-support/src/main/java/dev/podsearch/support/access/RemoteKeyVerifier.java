package dev.podsearch.support.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.support.peers.PeerTls;
import io.quarkus.arc.DefaultBean;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Asks the ingest service whether a key is valid ({@link KeyCheckClient}, with the shared service token so that the
 * checks never starve on a public rate limit) and keeps the answers ({@link KeyCache}: valid ones for {@code
 * access.cache-ttl}, invalid ones for {@code access.negative-cache-ttl}); a revoked key is dropped within {@code
 * access.revocation-poll} ({@link RevocationPoller}, when a service token is configured). The ingest service replaces
 * this bean with its own, which reads PostgreSQL. Over https:// it trusts the CA of {@code
 * peers.tls-configuration-name} ({@link PeerTls}).
 */
@DefaultBean
@ApplicationScoped
public class RemoteKeyVerifier implements KeyVerifier {

    @Inject
    AccessConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    ServiceToken serviceToken;

    @Inject
    PeerTls peerTls;

    private KeyCache cache;
    private RevocationPoller poller;

    @Override
    public Optional<KeyOwner> verify(ApiKey key) {
        return cache().verify(key);
    }

    private synchronized KeyCache cache() {
        if (cache == null) {
            KeyCheckClient client = new KeyCheckClient(
                    config.verifyUrl()
                            .filter(addresses -> !addresses.isEmpty())
                            .orElseThrow(() ->
                                    new KeyCheckUnavailable("access.verify-url is not set: no service to ask", null)),
                    serviceToken.token(),
                    json,
                    peerTls.context());
            cache = new KeyCache(client, config.cacheTtl(), config.negativeCacheTtl());
            if (serviceToken.token().isPresent()) {
                poller = new RevocationPoller(client, cache).start(config.revocationPoll());
            }
        }
        return cache;
    }

    @PreDestroy
    synchronized void stop() {
        if (poller != null) {
            poller.close();
        }
    }
}
