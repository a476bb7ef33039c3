package dev.podsearch.alert.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.alert.percolate.AlertIndex;
import dev.podsearch.alert.percolate.OpenSearchRequests;
import dev.podsearch.search.MomentDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Matches moments against every alert that is not paused, with one multi-document percolate request per
 * {@value #CHUNK} moments: each hit is an alert, its {@code _percolator_document_slot} the moments it matched, and its
 * highlight (per slot: {@code <slot>_text}) what matched in each. Alerts are paged by id ({@code search_after}).
 */
@ApplicationScoped
public class Percolator {

    static final int CHUNK = 100;
    static final int PAGE = 1_000;

    @Inject
    OpenSearchRequests engine;

    @Inject
    ObjectMapper json;

    /** A moment an alert matched: its index among the moments given, and its highlighted text (null if none). */
    public record Match(int moment, String highlight) {}

    /** The alerts the moments match by words, each with its matches in moment order. */
    public Map<UUID, List<Match>> match(List<ObjectNode> moments) {
        return match(moments, AlertIndex.QUERY, null);
    }

    /**
     * The alerts whose percolator field {@code field} the moments match, among {@code alerts} (null: all that are not
     * paused), each with its matches in moment order.
     */
    public Map<UUID, List<Match>> match(List<ObjectNode> moments, String field, java.util.Collection<UUID> alerts) {
        Map<UUID, Map<Integer, Match>> byAlert = new LinkedHashMap<>();
        for (int from = 0; from < moments.size(); from += CHUNK) {
            List<ObjectNode> chunk = moments.subList(from, Math.min(moments.size(), from + CHUNK));
            percolate(chunk, from, byAlert, field, alerts);
        }
        Map<UUID, List<Match>> matches = new LinkedHashMap<>();
        byAlert.forEach((alert, found) -> matches.put(
                alert,
                found.values().stream()
                        .sorted(java.util.Comparator.comparingInt(Match::moment))
                        .toList()));
        return matches;
    }

    private void percolate(
            List<ObjectNode> chunk,
            int offset,
            Map<UUID, Map<Integer, Match>> byAlert,
            String field,
            java.util.Collection<UUID> alerts) {
        JsonNode after = null;
        while (true) {
            ObjectNode body = request(chunk, after, field, alerts);
            JsonNode hits = engine.send("POST", "/" + AlertIndex.ALIAS + "/_search", body)
                    .path("hits")
                    .path("hits");
            for (JsonNode hit : hits) {
                UUID alert = UUID.fromString(
                        hit.path("_source").path(AlertIndex.ALERT_ID).asText());
                Map<Integer, Match> found = byAlert.computeIfAbsent(alert, a -> new HashMap<>());
                for (JsonNode slot : hit.path("fields").path("_percolator_document_slot")) {
                    JsonNode highlight =
                            hit.path("highlight").path(slot.asInt() + "_text").path(0);
                    int moment = offset + slot.asInt();
                    found.put(moment, new Match(moment, highlight.isMissingNode() ? null : highlight.asText()));
                }
            }
            if (hits.size() < PAGE) {
                return;
            }
            after = hits.get(hits.size() - 1).path("sort");
        }
    }

    private ObjectNode request(
            List<ObjectNode> chunk, JsonNode after, String field, java.util.Collection<UUID> alerts) {
        ObjectNode body = json.createObjectNode();
        body.put("size", PAGE);
        body.putArray("_source").add(AlertIndex.ALERT_ID);
        body.putArray("sort").addObject().put(AlertIndex.ALERT_ID, "asc");
        if (after != null) {
            body.set("search_after", after);
        }
        ObjectNode bool = body.putObject("query").putObject("bool");
        ObjectNode percolate = bool.putObject("must").putObject("percolate");
        percolate.put("field", field);
        ArrayNode documents = percolate.putArray("documents");
        chunk.forEach(documents::add);
        ArrayNode filter = bool.putArray("filter");
        filter.addObject().putObject("term").put(AlertIndex.PAUSED, false);
        if (alerts != null) {
            ArrayNode ids = filter.addObject().putObject("terms").putArray(AlertIndex.ALERT_ID);
            alerts.forEach(id -> ids.add(id.toString()));
        }
        ObjectNode highlight = body.putObject("highlight");
        highlight.putArray("pre_tags").add(String.valueOf(MomentDocument.MARK_START));
        highlight.putArray("post_tags").add(String.valueOf(MomentDocument.MARK_END));
        highlight.putObject("fields").putObject("text").put("number_of_fragments", 0);
        return body;
    }
}
