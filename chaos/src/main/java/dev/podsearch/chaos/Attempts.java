package dev.podsearch.chaos;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One write of the upload stream, tried until the system answers it: a call that times out, cannot connect or gets a
 * 5xx (or 408/429) is sent again, the same request with the same {@code Idempotency-Key}, once a second, until a 2xx
 * (acknowledged), a 4xx (refused) or the deadline. A write the deadline ends is {@link Ack#UNKNOWN}: an earlier try
 * may have been stored without its answer reaching the client. Each try is noted in the outcome's {@code trail} (which
 * instance, what came back, after how long), so a report can say why a request went unanswered.
 */
final class Attempts {

    enum Ack {
        ACKED,
        REFUSED,
        UNKNOWN
    }

    record Outcome(Ack ack, Api.Answer answer, int tries, List<String> trail) {}

    @FunctionalInterface
    interface Call {
        Api.Answer send() throws IOException, InterruptedException;
    }

    private static final Duration RETRY_EVERY = Duration.ofSeconds(1);

    private Attempts() {}

    private static String since(long sent) {
        return " after " + Duration.ofNanos(System.nanoTime() - sent).toMillis() + " ms";
    }

    static Outcome until(Duration deadline, Call call) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        int tries = 0;
        Api.Answer last = null;
        List<String> trail = new ArrayList<>();
        while (true) {
            tries++;
            long sent = System.nanoTime();
            try {
                last = call.send();
                trail.add(last.from() + " " + last.status() + since(sent));
                if (last.ok()) {
                    return new Outcome(Ack.ACKED, last, tries, trail);
                }
                if (last.status() < 500 && last.status() != 408 && last.status() != 429) {
                    return new Outcome(Ack.REFUSED, last, tries, trail);
                }
            } catch (IOException e) {
                // no answer: down, frozen or restarting; the same request goes again
                trail.add(e.getMessage() + since(sent));
            }
            if (System.nanoTime() > end) {
                return new Outcome(Ack.UNKNOWN, last, tries, trail);
            }
            Thread.sleep(RETRY_EVERY); // a client's retry interval, not a wait for asynchronous work
        }
    }
}
