package dev.podsearch.chaos;

import dev.podsearch.stack.LocalStack;

/** What a fault hits: one of the three servers or one of the three services. */
public enum Target {
    POSTGRES(LocalStack.Component.POSTGRES, null),
    KAFKA(LocalStack.Component.KAFKA, null),
    OPENSEARCH(LocalStack.Component.OPENSEARCH, null),
    INGEST(null, "ingest-service"),
    INDEX(null, "index-service"),
    QUERY(null, "query-service");

    private final LocalStack.Component component;
    private final String service;

    Target(LocalStack.Component component, String service) {
        this.component = component;
        this.service = service;
    }

    boolean isServer() {
        return component != null;
    }

    LocalStack.Component component() {
        return component;
    }

    /** The service's module and process name; null for a server. */
    String service() {
        return service;
    }

    String label() {
        return isServer() ? name().toLowerCase(java.util.Locale.ROOT) : service;
    }

    /** How many of it run: in a cluster three Kafka and three OpenSearch nodes and two of each service. */
    int instances(boolean cluster) {
        if (!cluster || this == POSTGRES) {
            return 1;
        }
        return isServer() ? 3 : 2;
    }

    /** The label of one node or instance of it (numbered from 1, as the processes are named). */
    String label(int node, boolean cluster) {
        return instances(cluster) == 1 ? label() : label() + "-" + (node + 1);
    }
}
