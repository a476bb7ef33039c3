package dev.podsearch.bench.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The baseline: the plain search of the same moments, in the same run. For every (alert, episode) webhook expected in
 * the latency phase, {@code GET /v1/search} with the alert's q and filters in keyword mode, from one client, one after
 * another (after one unmeasured pass over the first {@value #WARM} for the JIT); each answer must list the episode.
 */
final class SearchBaseline {

    static final int WARM = 200;

    /** Searches made, how many did not list their episode, each one's latency (ms) and the time they took in all. */
    record Measured(int searches, int notFound, List<Double> latenciesMs, double seconds) {

        double perSecond() {
            return searches / seconds;
        }
    }

    private SearchBaseline() {}

    static Measured run(
            Api api, String queryUrl, Map<String, AlertPlan.Planned> episodes, List<AlertPlan.Saved> alerts) {
        List<String[]> searches = new ArrayList<>(); // url, episode id
        episodes.forEach((episodeId, planned) ->
                planned.expected().forEach(i -> searches.add(new String[] {url(queryUrl, alerts.get(i)), episodeId})));
        for (String[] search : searches.subList(0, Math.min(WARM, searches.size()))) {
            api.get(search[0]);
        }
        List<Double> latencies = new ArrayList<>(searches.size());
        int notFound = 0;
        long start = System.nanoTime();
        for (String[] search : searches) {
            long began = System.nanoTime();
            JsonNode answer = api.get(search[0]);
            latencies.add((System.nanoTime() - began) / 1e6);
            if (!lists(answer, search[1])) {
                notFound++;
            }
        }
        return new Measured(searches.size(), notFound, latencies, (System.nanoTime() - start) / 1e9);
    }

    private static boolean lists(JsonNode answer, String episodeId) {
        for (JsonNode result : answer.path("results")) {
            if (episodeId.equals(result.path("episode").path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String url(String queryUrl, AlertPlan.Saved alert) {
        StringBuilder url = new StringBuilder(queryUrl)
                .append("/v1/search?mode=keyword&q=")
                .append(URLEncoder.encode(alert.q(), StandardCharsets.UTF_8));
        alert.shows().forEach(show -> url.append("&show=").append(URLEncoder.encode(show, StandardCharsets.UTF_8)));
        return url.toString();
    }
}
