package dev.podsearch.bench.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Saves the plan's alerts through {@code POST /v1/alerts}, from {@code clients} concurrent clients: each one compiled by
 * query-service, stored in PostgreSQL and written to the percolator index, as any user's alert is.
 */
final class AlertSetup {

    /** A saved alert: its plan index, id and signing secret. */
    record Created(int index, String id, String secret) {}

    /** The alerts in plan order, and how long saving them took. */
    record Saved(List<Created> alerts, double seconds, int retried) {

        double perSecond() {
            return alerts.size() / seconds;
        }
    }

    private AlertSetup() {}

    static Saved create(Api api, String alertsUrl, List<AlertPlan.Saved> plan, String webhookUrl, int clients)
            throws Exception {
        // one call first, so the key is checked once (with ingest-service) and cached before the clients start: each
        // of many concurrent first calls would check it itself (alert-service's key cache does not coalesce them)
        api.get(alertsUrl + "/v1/alerts?size=1");
        Created[] created = new Created[plan.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> workers = new java.util.ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < plan.size(); i = next.getAndIncrement()) {
                        created[i] = create(api, alertsUrl, plan.get(i), webhookUrl, retried);
                        int saved = done.incrementAndGet();
                        if (saved % 1000 == 0) {
                            System.err.printf(
                                    "[bench] %d alerts saved, %.0f s%n", saved, (System.nanoTime() - start) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(); // the first failure ends the run, with the service's answer
            }
        }
        return new Saved(List.of(created), (System.nanoTime() - start) / 1e9, retried.get());
    }

    /** Saves one alert; a 503 ("try again later": query-service or the key check did not answer in time) twice more. */
    private static Created create(
            Api api, String alertsUrl, AlertPlan.Saved alert, String webhookUrl, AtomicInteger retried)
            throws InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", alert.name());
        body.put("q", alert.q());
        body.put("show", alert.shows());
        body.put("mode", "keyword");
        body.put("webhookUrl", webhookUrl);
        for (int attempt = 1; ; attempt++) {
            try {
                JsonNode answer = api.postJson(alertsUrl + "/v1/alerts", body, 201);
                return new Created(
                        alert.index(),
                        answer.path("id").asText(),
                        answer.path("secret").asText());
            } catch (Api.Refused e) {
                if (e.status != 503 || attempt == 3) {
                    throw e;
                }
                retried.incrementAndGet();
                System.err.printf("[bench] alert %d: %s; again in 1 s%n", alert.index(), e.getMessage());
                Thread.sleep(1000); // as the answer asks: try again later
            }
        }
    }
}
