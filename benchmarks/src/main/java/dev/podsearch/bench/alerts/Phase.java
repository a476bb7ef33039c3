package dev.podsearch.bench.alerts;

import dev.podsearch.bench.Announcements;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One batch of uploads followed to its webhooks: the episodes uploaded (by {@code upload}), when index-service
 * announced each indexed (read from {@code transcripts.indexed.v1}, from before the first upload), and the check of
 * what came against what should have.
 */
record Phase(
        String name, Map<String, AlertPlan.Planned> episodes, Map<String, Instant> searchableAt, DeliveryCheck check) {

    static final Duration INDEXING = Duration.ofMinutes(10);
    static final Duration DELIVERY = Duration.ofMinutes(10);
    static final Duration QUIET = Duration.ofSeconds(3);

    /** Episodes uploaded, announced indexed; the caller then lets them be matched. */
    record Uploaded(Map<String, AlertPlan.Planned> episodes, Map<String, Instant> searchableAt) {}

    static Uploaded upload(String kafka, Callable<Map<String, AlertPlan.Planned>> upload) throws Exception {
        try (Announcements announcements = new Announcements(kafka)) {
            Map<String, AlertPlan.Planned> episodes = upload.call();
            Map<String, Instant> indexed = announcements.indexedAt(episodes.keySet(), INDEXING);
            if (indexed.size() != episodes.size()) {
                throw new IllegalStateException(
                        indexed.size() + " of " + episodes.size() + " episodes announced indexed in " + INDEXING);
            }
            return new Uploaded(episodes, indexed);
        }
    }

    /** Waits for the uploaded episodes' webhooks and checks them. */
    static Phase deliveries(String name, Uploaded uploaded, List<AlertSetup.Created> alerts, Deliveries deliveries)
            throws Exception {
        boolean all = deliveries.await(DeliveryCheck.expectedPairs(uploaded.episodes(), alerts), DELIVERY, QUIET);
        if (!all) {
            System.err.printf("[bench] %s: not every expected webhook came within %s%n", name, DELIVERY);
        }
        DeliveryCheck check = DeliveryCheck.of(uploaded.episodes(), alerts, deliveries.all(), uploaded.searchableAt());
        System.err.printf(
                "[bench] %s: %d episodes, %d of %d expected webhooks, %d unexpected%n",
                name,
                uploaded.episodes().size(),
                check.expected() - check.missing(),
                check.expected(),
                check.unexpected());
        return new Phase(name, uploaded.episodes(), uploaded.searchableAt(), check);
    }
}
