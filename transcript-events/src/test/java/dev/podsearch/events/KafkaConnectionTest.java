package dev.podsearch.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The client settings come from the {@code kafka.*} keys {@link KafkaConnection#CONFIG_KEYS} lists, each once. */
class KafkaConnectionTest {

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
    }

    @Test
    void everyListedKeyBecomesTheClientSettingOfTheSameNameWithoutItsPrefix() {
        Map<String, String> properties = new HashMap<>();
        for (String key : KafkaConnection.CONFIG_KEYS) {
            properties.put(key, "value of " + key);
        }
        Map<String, Object> settings = KafkaConnection.settings(config(properties));
        Map<String, Object> expected = new HashMap<>();
        for (String key : KafkaConnection.CONFIG_KEYS) {
            expected.put(key.substring("kafka.".length()), "value of " + key);
        }
        assertEquals(expected, settings);
        assertEquals(8, KafkaConnection.CONFIG_KEYS.size());
        assertEquals(
                KafkaConnection.CONFIG_KEYS.size(),
                Set.copyOf(KafkaConnection.CONFIG_KEYS).size());
    }

    @Test
    void plainTextNeedsOnlyTheBootstrapServers() {
        Map<String, Object> settings =
                KafkaConnection.settings(config(Map.of("kafka.bootstrap.servers", "127.0.0.1:9092", "other", "x")));
        assertEquals(Map.of("bootstrap.servers", "127.0.0.1:9092"), settings);
        assertEquals(List.of("kafka.bootstrap.servers"), KafkaConnection.CONFIG_KEYS.subList(0, 1));
    }
}
