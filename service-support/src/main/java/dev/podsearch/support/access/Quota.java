package dev.podsearch.support.access;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many requests a key may make: {@code 50/s}, {@code 600/min}, {@code 10/5s}, {@code 1000/h}. As a token bucket:
 * {@code requests} at once, refilled evenly over {@code period} (50/s: a burst of 50, then one every 20 ms).
 */
public record Quota(long requests, Duration period, String label) {

    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,6})/([1-9][0-9]{0,4})?(s|min|h)");

    /** The quota {@code text} names; empty when it is not of the form {@code <requests>/<period>}. */
    public static Optional<Quota> parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long count = matcher.group(2) == null ? 1 : Long.parseLong(matcher.group(2));
        Duration unit =
                switch (matcher.group(3)) {
                    case "s" -> Duration.ofSeconds(1);
                    case "min" -> Duration.ofMinutes(1);
                    default -> Duration.ofHours(1);
                };
        return Optional.of(new Quota(Long.parseLong(matcher.group(1)), unit.multipliedBy(count), matcher.group()));
    }

    /** What a bad quota is told: the form expected. */
    public static String expected(String given) {
        return "rate must look like 50/s, 600/min, 10/5s or 1000/h, not '" + given + "'";
    }

    /** The limit as Bucket4j counts it. */
    public RateLimit limit(String name) {
        return new RateLimit(name, requests, requests, period);
    }
}
