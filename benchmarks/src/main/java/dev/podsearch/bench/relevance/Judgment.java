package dev.podsearch.bench.relevance;

import java.util.OptionalLong;

/**
 * One judged query of {@code queries.tsv}: what a searcher types and what they want to find.
 *
 * @param episode the expected episode's file stem, empty for {@code none}
 * @param atMs the time of the line where the answer is said, absent when there is none
 */
public record Judgment(String id, String kind, String split, String query, String episode, OptionalLong atMs) {

    /** The kind of queries that should find nothing. */
    public static final String NONE = "none";

    public boolean answerable() {
        return !NONE.equals(kind);
    }
}
