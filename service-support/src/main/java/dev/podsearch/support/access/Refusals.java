package dev.podsearch.support.access;

import dev.podsearch.support.facts.SupportFacts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

/**
 * Every refused request: one log line with the key id (never the secret), the reason and the path as fields, and
 * the counter {@code podsearch_<service>_access_refusals_total{reason}} (unauthenticated, forbidden, rate-limited,
 * key-check-unavailable).
 */
@ApplicationScoped
public class Refusals {

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = SupportFacts.APPLICATION_NAME, defaultValue = "service")
    String application;

    public void record(String reason, String keyId, String method, String path) {
        Counter.builder(SupportFacts.refusalsMeter(application))
                .description("Requests refused by authentication, authorization or a rate limit")
                .tag("reason", reason)
                .register(registry)
                .increment();
        MDC.put("keyId", keyId);
        MDC.put("refusal", reason);
        try {
            Log.infof("refused %s %s: %s (key %s)", method, path, reason, keyId);
        } finally {
            MDC.remove("keyId");
            MDC.remove("refusal");
        }
    }
}
