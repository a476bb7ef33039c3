package dev.podsearch.search;

import java.util.List;

/**
 * The properties {@link OpenSearchClientProducer} reads, by the names it reads them: a class of names only, so that
 * whoever lists a service's configuration (its facts, the deployment tests) needs nothing of the client.
 */
public final class OpenSearchKeys {

    public static final String HOSTS = "opensearch.hosts";
    public static final String USERNAME = "opensearch.username";
    public static final String PASSWORD = "opensearch.password";
    public static final String CA_FILE = "opensearch.tls.ca-file";
    public static final String MAX_CONNECTIONS = "opensearch.max-connections";

    /** Every property read. */
    public static final List<String> ALL = List.of(HOSTS, USERNAME, PASSWORD, CA_FILE, MAX_CONNECTIONS);

    private OpenSearchKeys() {}
}
