package dev.podsearch.bench.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The webhooks the sink received, each read once: which alert and episode it is for, and when it came. */
final class Deliveries {

    /** One webhook: {@code pair} is {@link #pair}(alert id, episode id). */
    record Delivery(String pair, String episodeId, String deliveryId, Instant at, WebhookSink.Received raw) {}

    private final WebhookSink sink;
    private final List<Delivery> read = new ArrayList<>();

    Deliveries(WebhookSink sink) {
        this.sink = sink;
    }

    static String pair(String alertId, String episodeId) {
        return alertId + "/" + episodeId;
    }

    /** Every webhook received so far, in arrival order. */
    synchronized List<Delivery> all() {
        List<WebhookSink.Received> received = sink.received();
        for (WebhookSink.Received r : received.subList(read.size(), received.size())) {
            JsonNode body = r.json();
            String episode = body.path("episode").path("id").asText();
            read.add(new Delivery(
                    pair(body.path("alert").path("id").asText(), episode), episode, r.deliveryId(), r.at(), r));
        }
        return List.copyOf(read);
    }

    /**
     * Waits until every expected pair has a webhook (or {@code timeout} passed), then until none has come for {@code
     * quiet} (so one sent for a match that should not have been is seen too); answers whether all came.
     */
    boolean await(Set<String> expected, Duration timeout, Duration quiet) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> waiting = new HashSet<>(expected);
        int seen = 0;
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            List<Delivery> all = all();
            all.subList(seen, all.size()).forEach(d -> waiting.remove(d.pair()));
            seen = all.size();
            Thread.sleep(50); // polling the sink's list, filled by its own threads
        }
        int count = sink.count();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < quiet.toNanos()) {
            Thread.sleep(100);
            if (sink.count() != count) {
                count = sink.count();
                quietSince = System.nanoTime();
            }
        }
        return waiting.isEmpty();
    }
}
