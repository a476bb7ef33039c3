package dev.podsearch.ingest.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podsearch.support.access.ApiKey;
import dev.podsearch.support.access.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two ingest replicas starting at once with the same bootstrap key: both start (neither fails on the other's insert)
 * and the key is stored once. Each round releases the two inserts together from a barrier, the way two pods started by
 * one rollout reach their start-up code.
 */
@QuarkusTest
class KeyBootstrapRaceTest {

    private static final int ROUNDS = 25;

    @Inject
    KeyStore keys;

    @Test
    void replicasStartingTogetherStoreTheBootstrapKeyOnceAndBothStart() throws Exception {
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                ApiKey key = ApiKey.generate();
                CyclicBarrier together = new CyclicBarrier(2);
                Callable<Boolean> start = () -> {
                    together.await();
                    return keys.createIfAbsent(key, KeyBootstrap.NAME, Role.ADMIN);
                };
                List<Future<Boolean>> starts = new ArrayList<>();
                starts.add(replicas.submit(start));
                starts.add(replicas.submit(start));
                int stored = 0;
                for (Future<Boolean> replica : starts) {
                    stored += replica.get() ? 1 : 0; // throws if a replica failed on the insert
                }
                assertEquals(1, stored, "exactly one replica stores the key in round " + round);
                long rows = QuarkusTransaction.requiringNew().call(() -> StoredKey.count("id", key.id()));
                assertEquals(1, rows, "the key is stored once");
                assertEquals(Role.ADMIN, keys.verify(key).orElseThrow().role(), "and works as an admin key");
            }
        } finally {
            replicas.shutdownNow();
        }
    }

    @Test
    void aRevokedBootstrapKeyStaysRevokedAcrossRestarts() {
        ApiKey key = ApiKey.generate();
        assertEquals(true, keys.createIfAbsent(key, KeyBootstrap.NAME, Role.ADMIN));
        keys.revoke(key.id());
        assertEquals(false, keys.createIfAbsent(key, KeyBootstrap.NAME, Role.ADMIN), "a restart finds it there");
        assertEquals(true, keys.verify(key).isEmpty(), "and it stays revoked");
    }
}
