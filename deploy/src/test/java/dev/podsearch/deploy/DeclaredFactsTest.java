package dev.podsearch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.events.consume.ConsumerMeters;
import dev.podsearch.support.facts.DeclaredFacts;
import dev.podsearch.support.facts.KafkaAccess;
import io.smallrye.config.ConfigMappingInterface.Property;
import io.smallrye.config.ConfigMappings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the services declare about themselves holds together: each is filed under its own name, a configured consumer
 * group's default is the one its {@code @ConfigMapping} gives, and every meter is one of the service's own or a consumer loop's.
 */
class DeclaredFactsTest {

    @Test
    void eachServiceDeclaresUnderItsOwnName() {
        ServiceFacts.DECLARED.forEach((service, declared) -> assertEquals(service, declared.service()));
        assertEquals(ServiceFacts.MODULES.keySet(), ServiceFacts.DECLARED.keySet());
    }

    @Test
    void aConfiguredGroupDefaultsToTheNameItsMappingGives() {
        int configured = 0;
        for (DeclaredFacts declared : ServiceFacts.DECLARED.values()) {
            Map<String, Property> properties = new HashMap<>();
            for (Class<?> mapping : declared.configMappings()) {
                properties.putAll(ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(mapping)));
            }
            for (KafkaAccess access : declared.kafka()) {
                if (access.configuredBy() == null) {
                    continue;
                }
                configured++;
                Property property = properties.get(access.configuredBy());
                assertTrue(property != null, declared.service() + " reads no " + access.configuredBy());
                assertTrue(property.hasDefaultValue(), access.configuredBy() + " has no default");
                assertEquals(access.name(), property.getDefaultValue(), access.configuredBy());
            }
        }
        assertEquals(3, configured, "indexer.group-id, embedder.group-id and alerts.group-id");
    }

    @Test
    void everyMeterIsNamedAfterItsServiceOrItsConsumerLoop() {
        ServiceFacts.DECLARED.forEach((service, declared) -> {
            String prefix = "podsearch." + service.replace("-service", "") + ".";
            declared.meters()
                    .forEach(meter -> assertTrue(
                            meter.startsWith(prefix) || ConsumerMeters.ALL.contains(meter), service + ": " + meter));
        });
    }

    @Test
    void theConfigurationOfEveryMappingAndTheKafkaClientIsRead() {
        ServiceFacts index = ServiceFacts.of("index-service");
        assertTrue(index.reads("embedding.batch-size"), index.properties().toString());
        assertTrue(index.reads("embedding.cache-dir"), index.properties().toString());
        assertTrue(index.reads("access.verify-url"), "service-support's mappings come with every service");
        assertTrue(index.reads("kafka.ssl.truststore.location"));
        assertTrue(index.reads("topics.replication-factor"));
        assertTrue(!ServiceFacts.of("query-service").reads("kafka.bootstrap.servers"), "query-service uses no Kafka");
    }
}
