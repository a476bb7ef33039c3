package dev.podsearch.ingest.access;

import dev.podsearch.support.access.AccessConfig;
import dev.podsearch.support.access.ApiKey;
import dev.podsearch.support.access.Role;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * At start, makes the key in {@code access.bootstrap-key-file} an admin key if no key has its id yet: how the local
 * stack's development key ({@code local/api-key}) and the tests' key come to exist. A key revoked since stays revoked.
 * Replicas starting together race for the insert; the database lets exactly one win and the others carry on.
 */
@ApplicationScoped
public class KeyBootstrap {

    static final String NAME = "bootstrap admin";

    @Inject
    AccessConfig config;

    @Inject
    KeyStore keys;

    void onStart(@Observes StartupEvent start) {
        config.bootstrapKeyFile().ifPresent(this::install);
    }

    private void install(Path file) {
        String token;
        try {
            token = Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("access.bootstrap-key-file " + file + " cannot be read", e);
        }
        ApiKey key = ApiKey.parse(token)
                .orElseThrow(() -> new IllegalStateException(
                        "access.bootstrap-key-file " + file + " does not hold a key (ps_<id>_<secret>)"));
        if (!keys.createIfAbsent(key, NAME, Role.ADMIN)) {
            Log.debugf("bootstrap key %s exists", key.id());
        }
    }
}
