package dev.podsearch.support.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** A CIDR block ({@code 10.0.0.0/8}, {@code fc00::/7}) or a single address, parsed without any DNS lookup. */
public record AddressRange(InetAddress network, int prefixLength) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public AddressRange {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " outside 0.." + bits);
        }
    }

    /**
     * The range {@code text} names ({@code "a.b.c.d/n"}, {@code "::1/128"}, or one literal address), or empty when it
     * is not an address literal (a host name, say: this never resolves one).
     */
    public static Optional<AddressRange> parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        if (!IPV4.matcher(address).matches() && !address.contains(":")) {
            return Optional.empty();
        }
        try {
            // a literal (dotted quad or containing ':') is parsed, never looked up
            InetAddress network = InetAddress.getByName(address);
            int bits = network.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
            return Optional.of(new AddressRange(network, prefix));
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not an address range: '" + text + "'", e);
        }
    }

    /** Parses a range this code spells out, such as {@code "100.64.0.0/10"}. */
    static AddressRange of(String cidr) {
        return parse(cidr).orElseThrow(() -> new IllegalArgumentException("not an address range: " + cidr));
    }

    /** Whether {@code address} is in this range (an IPv4 address is never in an IPv6 range, nor the reverse). */
    public boolean contains(InetAddress address) {
        byte[] mine = network.getAddress();
        byte[] theirs = address.getAddress();
        if (mine.length != theirs.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (mine[i] != theirs[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (mine[whole] & mask) == (theirs[whole] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
