package dev.podsearch.support.access;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The services' shared secret ({@link #HEADER} = {@code access.service-token}). With a key, on {@code GET
 * /v1/access/whoami}: a service's key check, which the ingest service lets past every rate limit (the key is
 * authenticated as any other). Without a key: the identity of another service (role {@link #ROLE}), which only the
 * ingest service's revocation list allows.
 */
@ApplicationScoped
public class ServiceToken {

    /** The header a service's key check carries the shared token in. */
    public static final String HEADER = "X-Podsearch-Service-Token";

    /** The role of a request that carries the token and no key: another service of this system. */
    public static final String ROLE = "service";

    /** The route the services check keys at. */
    public static final String CHECK_PATH = "/v1/access/whoami";

    @Inject
    AccessConfig config;

    private Optional<String> token;

    @PostConstruct
    void init() {
        token = config.serviceToken().or(() -> config.serviceTokenFile().map(ServiceToken::read));
        token = token.map(String::strip).filter(value -> !value.isEmpty());
    }

    /** The configured token ({@code access.service-token}, else the file's content); empty when neither is set. */
    public Optional<String> token() {
        return token;
    }

    /** Whether this request is a service's key check carrying the configured token (compared in constant time). */
    public boolean isServiceCheck(HttpServerRequest request) {
        if (request.method() != HttpMethod.GET || !CHECK_PATH.equals(request.path())) {
            return false;
        }
        return carries(request.getHeader(HEADER));
    }

    /** Whether {@code sent} is the configured token (compared in constant time); false when none is configured. */
    public boolean carries(String sent) {
        return sent != null
                && token.map(expected -> MessageDigest.isEqual(
                                expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8)))
                        .orElse(false);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("access.service-token-file " + file + " cannot be read", e);
        }
    }
}
