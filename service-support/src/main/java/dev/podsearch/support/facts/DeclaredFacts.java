package dev.podsearch.support.facts;

import java.util.List;

/**
 * What a service declares about itself for whoever deploys it, in the one place its code takes the same names from:
 * what it does with Kafka, the configuration it reads and the meters it exports. The deployment tests check the
 * Kubernetes manifests (ACLs, ConfigMap keys, alert rules and dashboards) against these, not against source text.
 *
 * @param service the service's name (its Deployment's and container's)
 * @param kafka the topics and groups it uses, with the operations it needs
 * @param configMappings its {@code @ConfigMapping} interfaces: every property of each is one it reads
 * @param configKeys the other properties its code reads ({@code @ConfigProperty}, {@code Config.getValue}), as the
 *     constants the code reads them by; Quarkus' own properties set in its {@code application.properties} come on top
 * @param meters the Micrometer meter names it registers ({@code podsearch.<service>.…})
 */
public record DeclaredFacts(
        String service,
        List<KafkaAccess> kafka,
        List<Class<?>> configMappings,
        List<String> configKeys,
        List<String> meters) {

    public DeclaredFacts {
        kafka = List.copyOf(kafka);
        configMappings = List.copyOf(configMappings);
        configKeys = List.copyOf(configKeys);
        meters = List.copyOf(meters);
    }

    /** The lists joined into one, for declarations built from the modules' own key lists. */
    @SafeVarargs
    public static <T> List<T> all(List<? extends T>... lists) {
        return java.util.Arrays.stream(lists).<T>flatMap(List::stream).toList();
    }
}
