package dev.podsearch.support.facts;

import dev.podsearch.support.access.AccessConfig;
import dev.podsearch.support.access.RateLimitConfig;
import dev.podsearch.support.peers.PeerConfig;
import java.util.List;
import java.util.Locale;

/**
 * What service-support brings to every service that runs it, for the services' own {@link DeclaredFacts}: its
 * configuration and the meter its access layer counts refusals in. Names only: nothing here needs the classes that
 * use them.
 */
public final class SupportFacts {

    /** Names the service in {@link #refusalsMeter}. */
    public static final String APPLICATION_NAME = "quarkus.application.name";

    /** The access layer's settings ({@code access.*}, {@code rate-limit.*}) and the calls to the others ({@code peers.*}). */
    public static final List<Class<?>> CONFIG_MAPPINGS =
            List.of(AccessConfig.class, RateLimitConfig.class, PeerConfig.class);

    /**
     * Quarkus' TLS settings a deployment gives a service that serves HTTPS (the prod overlay): named TLS
     * configurations of PEM files ({@code *} stands for a name), which the public port and the management interface
     * use, plain HTTP off, and the HTTPS port.
     */
    public static final List<String> TLS_KEYS = List.of(
            "quarkus.tls.*.key-store.pem.*.cert",
            "quarkus.tls.*.key-store.pem.*.key",
            "quarkus.tls.*.trust-store.pem.certs",
            "quarkus.tls.*.reload-period",
            "quarkus.http.tls-configuration-name",
            "quarkus.management.tls-configuration-name",
            "quarkus.http.insecure-requests",
            "quarkus.http.ssl-port");

    /** The properties read outside the mappings. */
    public static final List<String> CONFIG_KEYS = DeclaredFacts.all(List.of(APPLICATION_NAME), TLS_KEYS);

    private SupportFacts() {}

    /** The counter of refused requests of a service, by its application name: {@code podsearch.ingest.access.refusals}. */
    public static String refusalsMeter(String application) {
        String service =
                application.toLowerCase(Locale.ROOT).replace("-service", "").replaceAll("[^a-z0-9]", "_");
        return "podsearch." + service + ".access.refusals";
    }
}
