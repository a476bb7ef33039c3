package dev.podsearch.bench.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one phase's episodes should have fired against what came: every expected (alert, episode) webhook once, none
 * other, each signed with its alert's secret; and for each expected one, the time from its episode becoming searchable
 * (index-service's {@code INDEXED} announcement) to its arrival at the receiver.
 */
record DeliveryCheck(
        int expected,
        int received,
        int missing,
        int unexpected,
        int duplicates,
        int badSignatures,
        List<Double> latenciesMs) {

    static Set<String> expectedPairs(Map<String, AlertPlan.Planned> episodes, List<AlertSetup.Created> alerts) {
        Set<String> pairs = new HashSet<>();
        episodes.forEach((episodeId, planned) -> planned.expected()
                .forEach(i -> pairs.add(Deliveries.pair(alerts.get(i).id(), episodeId))));
        return pairs;
    }

    static DeliveryCheck of(
            Map<String, AlertPlan.Planned> episodes,
            List<AlertSetup.Created> alerts,
            List<Deliveries.Delivery> all,
            Map<String, Instant> searchableAt) {
        Set<String> expected = expectedPairs(episodes, alerts);
        Map<String, String> secrets = new HashMap<>();
        alerts.forEach(a -> secrets.put(a.id(), a.secret()));
        Set<String> seen = new HashSet<>();
        Set<String> deliveryIds = new HashSet<>();
        int received = 0;
        int unexpected = 0;
        int duplicates = 0;
        int badSignatures = 0;
        List<Double> latencies = new ArrayList<>();
        for (Deliveries.Delivery d : all) {
            if (!episodes.containsKey(d.episodeId())) {
                continue; // another phase's
            }
            received++;
            String alertId = d.pair().substring(0, d.pair().indexOf('/'));
            if (!d.raw().signedWith(secrets.getOrDefault(alertId, ""))) {
                badSignatures++;
            }
            if (!deliveryIds.add(d.deliveryId()) || !seen.add(d.pair())) {
                duplicates++;
            } else if (!expected.contains(d.pair())) {
                unexpected++;
            } else {
                Instant searchable = searchableAt.get(d.episodeId());
                if (searchable != null) {
                    latencies.add(Duration.between(searchable, d.at()).toNanos() / 1e6);
                }
            }
        }
        int missing = (int) expected.stream().filter(p -> !seen.contains(p)).count();
        return new DeliveryCheck(
                expected.size(), received, missing, unexpected, duplicates, badSignatures, List.copyOf(latencies));
    }

    boolean correct() {
        return missing == 0 && unexpected == 0 && duplicates == 0 && badSignatures == 0;
    }
}
