package dev.podsearch.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class KafkaBrokerConfigTest {

    @Test
    void clusterIdsAreSixteenBytesAndNeverLookLikeAnOption() {
        for (int i = 0; i < 20_000; i++) { // about 1 in 64 random ids would start with '-'
            String id = KafkaBrokerConfig.clusterId();
            assertFalse(id.startsWith("-"), id);
            assertEquals(16, Base64.getUrlDecoder().decode(id).length);
        }
    }
}
