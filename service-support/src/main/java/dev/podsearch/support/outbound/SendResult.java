package dev.podsearch.support.outbound;

import java.time.Duration;
import java.util.Optional;

/**
 * What one webhook call came to: the HTTP status (0 when no response came), an error saying why it failed (empty when
 * the receiver answered 2xx), how long it took, and the first characters of the response body.
 */
public record SendResult(int statusCode, Optional<String> error, Duration duration, String excerpt) {

    public SendResult {
        excerpt = excerpt == null ? "" : excerpt;
    }

    /** The receiver answered 2xx: the delivery is done. */
    public boolean delivered() {
        return statusCode >= 200 && statusCode < 300;
    }

    static SendResult answered(int statusCode, Duration duration, String excerpt, Optional<String> location) {
        if (statusCode >= 200 && statusCode < 300) {
            return new SendResult(statusCode, Optional.empty(), duration, excerpt);
        }
        String error = statusCode >= 300 && statusCode < 400
                ? "redirect not followed"
                        + location.map(to -> " (to " + to + ")").orElse("")
                : "receiver answered " + statusCode;
        return new SendResult(statusCode, Optional.of(error), duration, excerpt);
    }

    static SendResult failed(String error, Duration duration) {
        return new SendResult(0, Optional.of(error), duration, "");
    }
}
