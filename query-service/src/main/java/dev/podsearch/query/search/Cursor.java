package dev.podsearch.query.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.support.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    String encode(ObjectMapper json) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Cursor decode(ObjectMapper json, String text, String search) {
        Cursor cursor;
        try {
            cursor = json.readValue(Base64.getUrlDecoder().decode(text.strip()), Cursor.class);
        } catch (IllegalArgumentException | IOException e) {
            throw ProblemException.badParameter(
                    "cursor", "cursor is not one this service issued (or it was cut short); start again without it");
        }
        if (cursor.v() != VERSION || (cursor.from() == null) == (cursor.after() == null)) {
            throw ProblemException.badParameter(
                    "cursor", "cursor is from another version of this service; start again without it");
        }
        if (!cursor.search().equals(search)) {
            throw ProblemException.badParameter(
                    "cursor",
                    "cursor continues a different search: keep q, filters, group and sort as they were for the first"
                            + " page, or start again without it");
        }
        return cursor;
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
