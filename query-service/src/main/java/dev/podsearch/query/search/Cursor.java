package dev.podsearch.query.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.support.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Where the next page of a search starts, opaque to clients. It pins the search to the episodes that were searchable
 * when its first page was asked ({@code asOf}, compared with each episode's {@code addedAt}), so episodes arriving
 * while someone pages through the results neither shift nor repeat them. Grouped by episode it holds an offset (the
 * engine cannot continue collapsed results from a sort key); flat moments continue after the last one's sort values,
 * so their paging has no depth limit.
 *
 * @param search a fingerprint of the search it continues: a cursor replayed with other parameters is refused
 * @param asOf epoch milliseconds of the first page
 * @param from offset of the next page (grouped by episode)
 * @param after sort values of the last moment shown (flat moments)
 */
public record Cursor(int v, String search, long asOf, Integer from, List<Object> after) {

    static final int VERSION = 1;

    /** The deepest offset a cursor may hold: the engine's window for collapsed results. */
    static final int MAX_FROM = EngineRequests.MAX_EPISODE_WINDOW;

    /** Sort values of a flat moment: date, score, episode, ordinal at most. */
    private static final int MAX_SORT_VALUES = 4;

    String encode(ObjectMapper json) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The cursor a client sent back, every field checked: anything this service would not have issued (not JSON, not
     * an object, a field missing or of the wrong type, an offset out of range, sort values that are not plain values)
     * is a 400 naming {@code cursor}, never an error further down.
     */
    static Cursor decode(ObjectMapper json, String text, String search) {
        JsonNode node;
        try {
            node = json.readTree(Base64.getUrlDecoder().decode(text.strip()));
        } catch (IllegalArgumentException | IOException e) {
            throw damaged("it was cut short or changed");
        }
        if (node == null || !node.isObject()) {
            throw damaged("it is not an object");
        }
        JsonNode version = node.get("v");
        if (version == null || !version.canConvertToExactIntegral() || version.asLong() != VERSION) {
            throw ProblemException.badParameter(
                    "cursor", "cursor is from another version of this service; start again without it");
        }
        JsonNode fingerprint = node.get("search");
        if (fingerprint == null || !fingerprint.isTextual()) {
            throw damaged("it names no search");
        }
        if (!fingerprint.asText().equals(search)) {
            throw ProblemException.badParameter(
                    "cursor",
                    "cursor continues a different search: keep q, filters, group and sort as they were for the first"
                            + " page, or start again without it");
        }
        JsonNode asOf = node.get("asOf");
        if (asOf == null || !asOf.isIntegralNumber() || !asOf.canConvertToLong() || asOf.asLong() < 0) {
            throw damaged("its time is not a time");
        }
        JsonNode from = present(node.get("from"));
        JsonNode after = present(node.get("after"));
        if ((from == null) == (after == null)) {
            throw damaged("it holds neither an offset nor sort values, or both");
        }
        if (from != null) {
            if (!from.isIntegralNumber() || !from.canConvertToInt() || from.asInt() < 0 || from.asInt() > MAX_FROM) {
                throw damaged("its offset is not a whole number from 0 to " + MAX_FROM);
            }
            return new Cursor(VERSION, fingerprint.asText(), asOf.asLong(), from.asInt(), null);
        }
        return new Cursor(VERSION, fingerprint.asText(), asOf.asLong(), null, sortValues(after));
    }

    /** The sort values of the last moment shown: a few strings, numbers or booleans. */
    private static List<Object> sortValues(JsonNode after) {
        if (!after.isArray() || after.isEmpty() || after.size() > MAX_SORT_VALUES) {
            throw damaged("its sort values are not a short list");
        }
        List<Object> values = new ArrayList<>();
        for (JsonNode value : after) {
            if (value.isTextual()) {
                values.add(value.asText());
            } else if (value.isIntegralNumber() && value.canConvertToLong()) {
                values.add(value.asLong());
            } else if (value.isNumber() && Double.isFinite(value.asDouble())) {
                values.add(value.asDouble());
            } else if (value.isBoolean()) {
                values.add(value.asBoolean());
            } else {
                throw damaged("one of its sort values is not a plain value");
            }
        }
        return values;
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static ProblemException damaged(String why) {
        return ProblemException.badParameter(
                "cursor",
                "cursor is not one this service issued (" + why + "); pass the previous page's nextCursor as it was,"
                        + " or start again without it");
    }

    /** A short stable fingerprint of what a cursor continues. */
    static String fingerprint(String canonicalSearch) {
        byte[] bytes = canonicalSearch.getBytes(StandardCharsets.UTF_8);
        long hash = 1125899906842597L;
        for (byte b : bytes) {
            hash = 31 * hash + b;
        }
        return Long.toUnsignedString(hash, 36);
    }
}
