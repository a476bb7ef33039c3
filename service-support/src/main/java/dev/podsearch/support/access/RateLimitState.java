package dev.podsearch.support.access;

/**
 * One request's place in its bucket, as the answer's headers tell it (the three fields of
 * draft-ietf-httpapi-ratelimit-headers up to -06): {@code RateLimit-Limit} the bucket's size, {@code
 * RateLimit-Remaining} the requests left in it, {@code RateLimit-Reset} seconds until it is full again; and, when
 * refused, {@code retryAfter} seconds until the next request is allowed.
 */
public record RateLimitState(String bucket, long limit, long remaining, long reset, long retryAfter) {

    /** The request property the filter leaves it in for the response filter. */
    public static final String PROPERTY = "podsearch.rate-limit";

    public boolean refused() {
        return retryAfter > 0;
    }
}
