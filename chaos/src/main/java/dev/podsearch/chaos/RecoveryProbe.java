package dev.podsearch.chaos;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Random;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Measures how long the system takes to work again after a fault: a probe episode (a new episode with a marker of
 * its own) is uploaded right after the fault ended and searched for until found. The probe is a write like any
 * other: it is in the ledger and judged at the end.
 */
final class RecoveryProbe {

    private final Api api;
    private final Ledger ledger;
    private final Random random;
    private final Duration deadline;

    RecoveryProbe(Api api, Ledger ledger, long seed, Duration deadline) {
        this.api = api;
        this.ledger = ledger;
        this.random = new Random(seed);
        this.deadline = deadline;
    }

    /**
     * Uploads a probe and waits until a keyword search finds it.
     *
     * @return the time from {@code since} (nanoTime) until it was found, or null when it was not found in time
     */
    Duration measure(long since) throws InterruptedException {
        long probeStart = System.nanoTime();
        Episode probe = ledger.newEpisode(Episode.Kind.PROBE);
        String marker = Transcripts.marker(random);
        Attempts.Outcome outcome =
                UploadStream.write(api, probe, marker, 3, Transcripts.episode(marker, 3, random), deadline);
        if (outcome.ack() != Attempts.Ack.ACKED) {
            return null;
        }
        // the deadline counts from the probe's start: a target that took longer than it to start again (a node
        // given 6 minutes) still gets its probe, timed from the end of the fault as always
        long left = deadline.toNanos() - (System.nanoTime() - probeStart);
        try {
            await().atMost(Duration.ofNanos(Math.max(left, Duration.ofSeconds(1).toNanos())))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> {
                        Api.Answer answer = api.search(marker);
                        return answer.ok() && answer.body().path("results").size() == 1;
                    });
        } catch (ConditionTimeoutException e) {
            return null;
        }
        return Duration.ofNanos(System.nanoTime() - since);
    }
}
