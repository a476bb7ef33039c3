package dev.podsearch.bench.alerts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Uploads planned episodes through {@code POST /v1/transcripts}: at a steady rate, or all at once. */
final class EpisodeUploads {

    private EpisodeUploads() {}

    /**
     * Episodes {@code from} to {@code from + count - 1}, one every {@code 1 / perSecond} s from one client (so each is
     * matched on its own, as in a system that is not behind); answers episode id to plan.
     */
    static Map<String, AlertPlan.Planned> paced(
            Api api, String ingestUrl, AlertPlan plan, int from, int count, double perSecond)
            throws InterruptedException {
        Map<String, AlertPlan.Planned> uploaded = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i / perSecond * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // pacing the uploads, not awaiting a result
            }
            AlertPlan.Planned episode = plan.episode(from + i);
            uploaded.put(upload(api, ingestUrl, episode), episode);
        }
        return uploaded;
    }

    /** Episodes {@code from} to {@code from + count - 1} from {@code clients} concurrent clients, as fast as they go. */
    static Map<String, AlertPlan.Planned> burst(
            Api api, String ingestUrl, AlertPlan plan, int from, int count, int clients) throws Exception {
        Map<String, AlertPlan.Planned> uploaded = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger(from);
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            java.util.List<Future<?>> workers = new java.util.ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < from + count; n = next.getAndIncrement()) {
                        AlertPlan.Planned episode = plan.episode(n);
                        uploaded.put(upload(api, ingestUrl, episode), episode);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return uploaded;
    }

    private static String upload(Api api, String ingestUrl, AlertPlan.Planned episode) {
        String url = ingestUrl + "/v1/transcripts?show=" + URLEncoder.encode(episode.show(), StandardCharsets.UTF_8)
                + "&audioUrl=https://media.example.org/alerts-bench/" + episode.number() + ".mp3";
        return api.postText(url, episode.text(), 202).path("id").asText();
    }
}
