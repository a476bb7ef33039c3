package dev.podsearch.bench.relevance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** Uploads the corpus through ingest-service and waits, bounded and with progress, until it is searchable. */
final class Uploads {

    private final Http http;
    private final String ingest;
    /** upload id -> file stem */
    private final Map<String, String> stems = new LinkedHashMap<>();

    Uploads(Http http, String ingestUrl) {
        this.http = http;
        this.ingest = ingestUrl;
    }

    Map<String, String> stems() {
        return stems;
    }

    void upload(Corpus corpus) throws Exception {
        for (Corpus.Episode episode : corpus.episodes()) {
            Http.Answer answer =
                    http.postText(ingest + "/v1/transcripts?" + Http.query(episode.metadata()), episode.text());
            if (answer.status() != 202 && answer.status() != 200) {
                throw new IllegalStateException(
                        "upload of " + episode.stem() + " answered " + answer.status() + ": " + answer.body());
            }
            stems.put(answer.body().path("id").asText(), episode.stem());
        }
    }

    /**
     * Polls every upload's status until all match, printing how many do every few seconds.
     *
     * @return whether all matched before the timeout
     */
    boolean await(String what, Predicate<JsonNode> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextReport = 0;
        while (true) {
            int matched = 0;
            for (String id : stems.keySet()) {
                JsonNode status = http.get(ingest + "/v1/transcripts/" + id).body();
                if ("FAILED".equals(status.path("status").asText())) {
                    throw new IllegalStateException(stems.get(id) + " FAILED: " + status.path("statusReason"));
                }
                matched += done.test(status) ? 1 : 0;
            }
            if (matched == stems.size()) {
                System.err.printf("[bench] %s: %d of %d%n", what, matched, stems.size());
                return true;
            }
            if (System.nanoTime() > deadline) {
                System.err.printf(
                        "[bench] %s: only %d of %d after %d s%n", what, matched, stems.size(), timeout.toSeconds());
                return false;
            }
            if (System.nanoTime() > nextReport) {
                System.err.printf("[bench] %s: %d of %d%n", what, matched, stems.size());
                nextReport = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            }
            Thread.sleep(500); // polling a remote status, not waiting for work of our own
        }
    }

    /** Whether any upload's status has {@code steps.embedded} set ({@code orNamed}: or names the step at all). */
    boolean anyEmbedded(boolean orNamed) throws Exception {
        for (String id : stems.keySet()) {
            JsonNode status = http.get(ingest + "/v1/transcripts/" + id).body();
            if (embedded(status) || (orNamed && status.path("steps").has("embedded"))) {
                return true;
            }
        }
        return false;
    }

    static boolean indexed(JsonNode status) {
        return "INDEXED".equals(status.path("status").asText());
    }

    static boolean embedded(JsonNode status) {
        JsonNode step = status.path("steps").path("embedded");
        return !step.isMissingNode() && !step.isNull();
    }
}
