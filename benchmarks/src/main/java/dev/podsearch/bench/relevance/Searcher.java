package dev.podsearch.bench.relevance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one judged query on query-service in one mode and reads the answer back as corpus stems. */
final class Searcher {

    /**
     * What came back: the hits, and the mode the service says it ran (null when the answer does not say).
     *
     * @param correctedQuery what the service searched instead of the typed query, null when it says nothing
     * @param degraded why the service answered other than asked (e.g. by keyword when the model failed), or null
     */
    record Answer(List<Hit> hits, String ranMode, int status, String problem, String correctedQuery, String degraded) {}

    private final Http http;
    private final String query;
    private final Map<String, String> stems;

    Searcher(Http http, String queryUrl, Map<String, String> stems) {
        this.http = http;
        this.query = queryUrl;
        this.stems = stems;
    }

    Answer search(String q, String mode) throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("q", q);
        parameters.put("mode", mode);
        parameters.put("size", "10");
        parameters.put("moments", "3");
        Http.Answer answer = http.get(query + "/v1/search?" + Http.query(parameters));
        if (answer.status() != 200) {
            return new Answer(
                    List.of(),
                    null,
                    answer.status(),
                    answer.body().path("detail").asText(),
                    null,
                    null);
        }
        List<Hit> hits = new ArrayList<>();
        for (JsonNode result : answer.body().path("results")) {
            List<Hit.Moment> moments = new ArrayList<>();
            for (JsonNode m : result.path("moments")) {
                JsonNode match = m.path("matchMs");
                moments.add(new Hit.Moment(
                        m.path("startMs").asLong(),
                        m.path("endMs").asLong(),
                        match.isNumber() ? match.asLong() : null,
                        text(m.path("matchedBy"))));
            }
            JsonNode episode = result.path("episode");
            String id = episode.path("id").asText();
            hits.add(new Hit(stems.getOrDefault(id, "?" + id), text(episode.path("title")), moments));
        }
        JsonNode body = answer.body();
        return new Answer(
                hits,
                text(body.path("mode")),
                200,
                null,
                text(body.path("correctedQuery")),
                text(body.path("degraded")));
    }

    /** The field's text; null when it is absent or null (an older service's answer has none of the newer fields). */
    private static String text(JsonNode field) {
        return field.isTextual() ? field.asText() : null;
    }
}
