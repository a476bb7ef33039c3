package dev.podsearch.support.outbound;

import dev.podsearch.support.ProblemException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a URL the server is about to call on a user's behalf (a webhook, a feed): http or https only, and every
 * address its host resolves to must be public. Refused unless the allow-list names them: loopback, link-local (with
 * the cloud metadata address 169.254.169.254), private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT
 * (100.64/10), "this network" (0/8), multicast, broadcast and the wildcard address.
 *
 * <p>Check when the URL is given (a 400 naming the field) and again right before each call, so a host name that
 * resolved to a public address then and to a private one now (DNS rebinding) is refused at send time.
 */
public final class OutboundUrlGuard {

    private static final Set<String> SCHEMES = Set.of("http", "https");
    // the ranges InetAddress has no method for
    private static final AddressRange THIS_NETWORK = AddressRange.of("0.0.0.0/8");
    private static final AddressRange CARRIER_NAT = AddressRange.of("100.64.0.0/10");
    private static final AddressRange BROADCAST = AddressRange.of("255.255.255.255/32");
    private static final AddressRange UNIQUE_LOCAL = AddressRange.of("fc00::/7");
    // IPv6 addresses that carry an IPv4 address in their last 32 bits: ::a.b.c.d and NAT64's 64:ff9b::a.b.c.d
    private static final List<AddressRange> EMBEDDING_IPV4 =
            List.of(AddressRange.of("::/96"), AddressRange.of("64:ff9b::/96"));

    private final List<AddressRange> allowedRanges;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    /** Looks a host name up; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    OutboundUrlGuard(Collection<String> allow, Resolver resolver) {
        List<AddressRange> ranges = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (String entry : allow) {
            if (entry.isBlank()) {
                continue;
            }
            AddressRange.parse(entry)
                    .ifPresentOrElse(ranges::add, () -> hosts.add(entry.strip().toLowerCase(Locale.ROOT)));
        }
        this.allowedRanges = List.copyOf(ranges);
        this.allowedHosts = Set.copyOf(hosts);
        this.resolver = resolver;
    }

    /**
     * A guard that also allows what {@code allow} names: CIDR blocks ({@code 127.0.0.0/8}, {@code ::1/128}), single
     * addresses, or host names (matched as written in the URL, whatever they resolve to).
     */
    public static OutboundUrlGuard allowing(Collection<String> allow) {
        return new OutboundUrlGuard(allow, InetAddress::getAllByName);
    }

    /** A guard with an empty allow-list: public addresses only. */
    public static OutboundUrlGuard strict() {
        return allowing(List.of());
    }

    /** Checks {@code url}: resolves its host now, so call this right before connecting, not only when it is given. */
    public UrlCheck check(String url) {
        if (url == null || url.isBlank()) {
            return new UrlCheck.Refused("no URL given");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return new UrlCheck.Refused("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            return new UrlCheck.Refused("only http and https URLs are allowed, not '" + scheme + "'");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return new UrlCheck.Refused("the URL has no host name");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return new UrlCheck.Refused("host '" + bare + "' does not resolve");
        }
        if (!allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
            for (InetAddress address : addresses) {
                Optional<String> why = forbidden(address);
                if (why.isPresent()) {
                    return new UrlCheck.Refused("host '" + bare + "' resolves to " + address.getHostAddress() + ", a "
                            + why.get() + " address; such targets are refused unless outbound.allow names them");
                }
            }
        }
        return new UrlCheck.Allowed(uri, Arrays.asList(addresses));
    }

    /** The check when a user gives the URL: the allowed target, or a 400 problem naming {@code field} and why. */
    /** The longest URL a user may give (a feed's, a webhook's). */
    public static final int MAX_URL_LENGTH = 2000;

    /**
     * A URL a user gives in {@code field}: present ({@code missing} says what it is for when it is not), at most
     * {@link #MAX_URL_LENGTH} characters, then {@link #require(String, String)}; each refusal a 400 naming the field.
     */
    public UrlCheck.Allowed requireGiven(String field, String url, String missing) {
        if (url == null || url.isBlank()) {
            throw ProblemException.badParameter(field, missing);
        }
        if (url.strip().length() > MAX_URL_LENGTH) {
            throw ProblemException.badParameter(field, field + " is longer than " + MAX_URL_LENGTH + " characters");
        }
        return require(field, url.strip());
    }

    public UrlCheck.Allowed require(String field, String url) {
        return switch (check(url)) {
            case UrlCheck.Allowed allowed -> allowed;
            case UrlCheck.Refused refused ->
                throw new ProblemException(
                        400,
                        "invalid-parameter",
                        "Invalid parameter",
                        field + ": " + refused.reason(),
                        Map.of("parameter", field));
        };
    }

    private Optional<String> forbidden(InetAddress address) {
        if (allowedRanges.stream().anyMatch(range -> range.contains(address))) {
            return Optional.empty();
        }
        return kind(address);
    }

    private static InetAddress embeddedIpv4(InetAddress address) {
        byte[] bytes = address.getAddress();
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }

    /** What kind of non-public address {@code address} is, or empty for a public one. */
    static Optional<String> kind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress() || UNIQUE_LOCAL.contains(address)) {
            return Optional.of("private");
        }
        if (CARRIER_NAT.contains(address)) {
            return Optional.of("carrier-grade NAT");
        }
        if (address.isAnyLocalAddress() || THIS_NETWORK.contains(address)) {
            return Optional.of("unspecified (this-host)");
        }
        if (address.isMulticastAddress() || BROADCAST.contains(address)) {
            return Optional.of("multicast or broadcast");
        }
        if (address instanceof Inet6Address && EMBEDDING_IPV4.stream().anyMatch(range -> range.contains(address))) {
            return kind(embeddedIpv4(address)).map(kind -> kind + " (embedded in IPv6)");
        }
        return Optional.empty();
    }
}
