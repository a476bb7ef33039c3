package dev.podsearch.support.outbound;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** The guard and the sender as beans, configured by {@link OutboundConfig}. */
@Singleton
public class OutboundBeans {

    @Produces
    @Singleton
    OutboundUrlGuard guard(OutboundConfig config) {
        return OutboundUrlGuard.allowing(config.allow().orElse(List.of()));
    }

    @Produces
    @Singleton
    WebhookSender sender(OutboundUrlGuard guard, OutboundConfig config) {
        return new WebhookSender(guard, config.connectTimeout(), config.requestTimeout(), Clock.systemUTC());
    }

    void close(@Disposes WebhookSender sender) {
        sender.close();
    }
}
