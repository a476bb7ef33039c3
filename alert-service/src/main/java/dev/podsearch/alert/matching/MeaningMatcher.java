package dev.podsearch.alert.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.alert.percolate.AlertIndex;
import dev.podsearch.alert.percolate.AlertVectors;
import dev.podsearch.alert.percolate.OpenSearchRequests;
import dev.podsearch.search.Hubness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The meaning phase's matches for an {@code EMBEDDED} outcome: each moment with a vector is searched for in the alert
 * vectors ({@link AlertVectors}) by a radial k-NN search (the moments' searches sent together, {@code _msearch}), and an alert matches it when the moment's corrected score
 * reaches the alert's floor, as the search's meaning list scores it: {@code (1 + cosine) / 2 - max(hubness,
 * }{@link Hubness#MIN}{@code ) / 4 >= floor} (a moment without hubness counts {@link Hubness#TYPICAL}). The moment's
 * hubness is known, so the radius is exact: {@code floor + max(hubness, MIN) / 4}. Then the alert's phrases,
 * exclusions and filters ({@link AlertIndex#MEANING_FILTER}, percolated), and minus the moments the alert matches by
 * its words (those are the words phase's).
 */
@ApplicationScoped
public class MeaningMatcher {

    static final int MAX_ALERTS = 10_000;

    /** Moments searched per {@code _msearch} (each search carries its 384 numbers). */
    static final int SEARCHES_PER_REQUEST = 64;

    @Inject
    OpenSearchRequests engine;

    @Inject
    Percolator percolator;

    @Inject
    ObjectMapper json;

    /**
     * The alerts the moments match by meaning only, each with its moments in order; {@code moments} carry their vectors,
     * {@code documents} are the same moments without them (for the percolator).
     */
    public Map<UUID, List<Percolator.Match>> match(List<ObjectNode> moments, List<ObjectNode> documents) {
        double lowestFloor = lowestFloor();
        if (Double.isNaN(lowestFloor)) {
            return Map.of(); // no alert matches by meaning
        }
        Map<UUID, List<Integer>> near = new HashMap<>();
        List<Integer> searched = new ArrayList<>();
        List<ObjectNode> searches = new ArrayList<>();
        for (int i = 0; i < moments.size(); i++) {
            JsonNode vector = moments.get(i).path(MomentReader.EMBEDDING);
            if (vector.isArray() && !vector.isEmpty()) {
                searched.add(i);
                searches.add(nearSearch(vector, hubness(moments.get(i)), lowestFloor));
            }
        }
        for (int from = 0; from < searches.size(); from += SEARCHES_PER_REQUEST) {
            int to = Math.min(searches.size(), from + SEARCHES_PER_REQUEST);
            List<JsonNode> answers = engine.multiSearch(AlertVectors.ALIAS, searches.subList(from, to));
            for (int j = 0; j < answers.size(); j++) {
                int moment = searched.get(from + j);
                for (UUID alert : nearAlerts(answers.get(j), hubness(moments.get(moment)))) {
                    near.computeIfAbsent(alert, a -> new ArrayList<>()).add(moment);
                }
            }
        }
        if (near.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<Percolator.Match>> bounded =
                percolator.match(documents, AlertIndex.MEANING_FILTER, near.keySet());
        Map<UUID, List<Percolator.Match>> byWords = percolator.match(documents, AlertIndex.QUERY, near.keySet());
        Map<UUID, List<Percolator.Match>> matches = new TreeMap<>();
        near.forEach((alert, close) -> {
            List<Integer> allowed = moments(bounded.get(alert));
            List<Integer> words = moments(byWords.get(alert));
            List<Percolator.Match> only = close.stream()
                    .filter(allowed::contains)
                    .filter(i -> !words.contains(i))
                    .map(i -> new Percolator.Match(i, null))
                    .toList();
            if (!only.isEmpty()) {
                matches.put(alert, only);
            }
        });
        return matches;
    }

    private static List<Integer> moments(List<Percolator.Match> matches) {
        return matches == null
                ? List.of()
                : matches.stream().map(Percolator.Match::moment).toList();
    }

    private static double hubness(ObjectNode moment) {
        JsonNode hubness = moment.path(Hubness.FIELD);
        return Math.max(hubness.isNumber() ? hubness.asDouble() : Hubness.TYPICAL, Hubness.MIN);
    }

    /** The radial search for the alerts (not paused) near a moment: those whose lowest floor it may reach. */
    private ObjectNode nearSearch(JsonNode vector, double hubness, double lowestFloor) {
        ObjectNode body = json.createObjectNode();
        body.put("size", MAX_ALERTS);
        body.putArray("_source").add(AlertIndex.ALERT_ID).add(AlertVectors.FLOOR);
        ObjectNode knn = body.putObject("query").putObject("knn").putObject(AlertVectors.VECTOR);
        knn.set("vector", vector);
        knn.put("min_score", (float) (lowestFloor + Hubness.WEIGHT * hubness));
        knn.putObject("filter").putObject("term").put(AlertIndex.PAUSED, false);
        return body;
    }

    /** Of a radial search's hits, the alerts whose own floor the moment's corrected score reaches. */
    private static List<UUID> nearAlerts(JsonNode answer, double hubness) {
        List<UUID> near = new ArrayList<>();
        for (JsonNode hit : answer.path("hits").path("hits")) {
            double corrected = hit.path("_score").asDouble() - Hubness.WEIGHT * hubness;
            if (corrected >= hit.path("_source").path(AlertVectors.FLOOR).asDouble() - 1e-6) {
                near.add(UUID.fromString(
                        hit.path("_source").path(AlertIndex.ALERT_ID).asText()));
            }
        }
        return near;
    }

    /** The lowest floor of the alerts by meaning that are not paused; NaN when there is none. */
    private double lowestFloor() {
        ObjectNode body = json.createObjectNode();
        body.put("size", 0);
        body.putObject("query").putObject("term").put(AlertIndex.PAUSED, false);
        body.putObject("aggs").putObject("lowest").putObject("min").put("field", AlertVectors.FLOOR);
        JsonNode lowest =
                engine.send("POST", "/" + AlertVectors.ALIAS + "/_search", body).at("/aggregations/lowest/value");
        return lowest.isNumber() ? lowest.asDouble() : Double.NaN;
    }
}
