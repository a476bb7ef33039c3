package dev.podsearch.support.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/** What {@link OutboundUrlGuard} says about a URL: allowed, with the addresses it checked, or refused, with why. */
public sealed interface UrlCheck {

    boolean allowed();

    /** The URL may be called: every address its host resolved to is public or allowed by the allow-list. */
    record Allowed(URI uri, List<InetAddress> addresses) implements UrlCheck {
        public Allowed {
            addresses = List.copyOf(addresses);
        }

        @Override
        public boolean allowed() {
            return true;
        }
    }

    /** The URL must not be called; {@code reason} is a sentence fit for a problem detail or a delivery attempt. */
    record Refused(String reason) implements UrlCheck {
        @Override
        public boolean allowed() {
            return false;
        }
    }
}
