package dev.podsearch.alert.api;

import dev.podsearch.support.ProblemException;
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

    static final int MAX_LENGTH = 2000;
    static final String FIELD = "webhookUrl";

    @Inject
    OutboundUrlGuard guard;

    String check(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.badParameter(FIELD, "webhookUrl is required: where the webhooks go");
        }
        if (url.strip().length() > MAX_LENGTH) {
            throw ProblemException.badParameter(FIELD, "webhookUrl is longer than " + MAX_LENGTH + " characters");
        }
        return guard.require(FIELD, url.strip()).uri().toString();
    }
}
