package dev.podsearch.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Searches while the run goes on, as readers of the system would: twice a second, a keyword search for the marker of an
 * episode written earlier (or a word nobody wrote, before there is one), each tried again on errors for at most
 * {@link Availability#BUDGET}, and recorded in {@link Availability}. It only counts answers: what the answers hold is
 * judged at the end by {@link Verifier}.
 */
final class SearchLoad implements Runnable {

    private static final Duration EVERY = Duration.ofMillis(500);

    private final Api api;
    private final Ledger ledger;
    private final Availability availability;
    private final Random random;
    private volatile boolean stopped;

    SearchLoad(Api api, Ledger ledger, Availability availability, long seed) {
        this.api = api;
        this.ledger = ledger;
        this.availability = availability;
        this.random = new Random(seed);
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                String word = word();
                long started = System.nanoTime();
                Attempts.Outcome outcome = Attempts.until(Availability.BUDGET, () -> api.search(word));
                availability.record(Availability.Kind.SEARCH, started, outcome);
                Thread.sleep(EVERY); // the readers' pace
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String word() {
        List<Episode> episodes = ledger.episodes();
        for (int tries = 0; tries < 5 && !episodes.isEmpty(); tries++) {
            List<String> markers = episodes.get(random.nextInt(episodes.size())).markers();
            if (!markers.isEmpty()) {
                return markers.get(random.nextInt(markers.size()));
            }
        }
        return Transcripts.marker(random);
    }
}
