package dev.podsearch.alert.api;

import dev.podsearch.support.outbound.OutboundUrlGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The check of a webhook URL when a user gives it: present, at most 2,000 characters, then service-support's
 * {@link OutboundUrlGuard} (http or https, a host whose every address is public unless {@code outbound.allow} names
 * it): a 400 naming {@code webhookUrl}. The delivery stage checks again before each call (DNS may have changed).
 */
@ApplicationScoped
public class WebhookTargets {

    static final String FIELD = "webhookUrl";

    @Inject
    OutboundUrlGuard guard;

    String check(String url) {
        return guard.requireGiven(FIELD, url, "webhookUrl is required: where the webhooks go")
                .uri()
                .toString();
    }
}
