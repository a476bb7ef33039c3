package dev.podsearch.ingest.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.support.access.ApiKey;
import dev.podsearch.support.access.KeyCheckClient;
import dev.podsearch.support.access.KeyCheckUnavailable;
import dev.podsearch.support.access.KeyOwner;
import dev.podsearch.support.access.Role;
import dev.podsearch.testing.access.AdminKeyHeader;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The other services' key checks (the client index-service and query-service use, against this running service with
 * the read limit per address on, as in production: 60 at once, then 2 a second): 300 distinct valid keys checked from
 * one address all get their real answer, because the checks carry the shared service token and draw from no bucket;
 * without the token each check counts against its own key's quota, never the address.
 */
@QuarkusTest
@TestProfile(ServiceKeyCheckTest.Limited.class)
class ServiceKeyCheckTest implements AdminKeyHeader.OwnKeys {

    private static final int KEYS = 300;
    private static final String TOKEN = "ingest-test-service-token";

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "access.service-token", TOKEN,
                    "rate-limit.reads-capacity", "60",
                    "rate-limit.reads-refill-tokens", "20",
                    "rate-limit.reads-refill-period", "10s",
                    "rate-limit.keys-enabled", "true",
                    "rate-limit.keys.admin", "100000/s"); // the admin key that creates the keys
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void hundredsOfDistinctValidKeysAllGetTheirRealAnswer() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            keys.add(KeyAccessTest.createKey("checked " + i, i % 2 == 0 ? "read" : "ingest"));
        }
        KeyCheckClient client = new KeyCheckClient(List.of(base), Optional.of(TOKEN), new ObjectMapper());
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            ApiKey key = ApiKey.parse(keys.get(i)).orElseThrow();
            try {
                KeyOwner expected = new KeyOwner(key.id(), "checked " + i, i % 2 == 0 ? Role.READ : Role.INGEST);
                Optional<KeyOwner> answer = client.ask(key);
                if (!answer.equals(Optional.of(expected))) {
                    wrong.add(i + ": " + answer);
                }
            } catch (KeyCheckUnavailable e) {
                wrong.add(i + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), wrong);
        // an unknown key is a real "no", not a refusal of the check
        assertEquals(Optional.empty(), client.ask(ApiKey.generate()));
    }

    @Test
    void withoutTheTokenEachCheckCountsAgainstItsKeyNotTheAddress() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            keys.add(KeyAccessTest.createKey("untokened " + i, "read"));
        }
        KeyCheckClient untokened = new KeyCheckClient(List.of(base), Optional.empty(), new ObjectMapper());
        List<String> wrong = new ArrayList<>();
        for (String key : keys) {
            try {
                if (untokened.ask(ApiKey.parse(key).orElseThrow()).isEmpty()) {
                    wrong.add(key.substring(3, 13) + ": unknown");
                }
            } catch (KeyCheckUnavailable e) {
                wrong.add(key.substring(3, 13) + ": " + e.getMessage());
            }
        }
        assertEquals(List.of(), wrong, "100 keys over an address limit of 60: each counted on its own quota");
    }
}
