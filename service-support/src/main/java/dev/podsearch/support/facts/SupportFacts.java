package dev.podsearch.support.facts;

import dev.podsearch.support.access.AccessConfig;
import dev.podsearch.support.access.RateLimitConfig;
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

    /** The access layer's settings ({@code access.*}, {@code rate-limit.*}). */
    public static final List<Class<?>> CONFIG_MAPPINGS = List.of(AccessConfig.class, RateLimitConfig.class);

    /** The properties read outside the mappings. */
    public static final List<String> CONFIG_KEYS = List.of(APPLICATION_NAME);

    private SupportFacts() {}

    /** The counter of refused requests of a service, by its application name: {@code podsearch.ingest.access.refusals}. */
    public static String refusalsMeter(String application) {
        String service =
                application.toLowerCase(Locale.ROOT).replace("-service", "").replaceAll("[^a-z0-9]", "_");
        return "podsearch." + service + ".access.refusals";
    }
}
