package dev.podsearch.query.search;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a shown moment matched the query: what a client can tell its user ("contains your words", "about this"). */
public enum MatchKind {
    /** It has the quoted phrase (and the query's other words, as many as could be found). */
    PHRASE,
    /** It has every word of the query, in its text or its episode's title, notes, show or speaker. */
    WORDS,
    /** It has every word of the query once misspelled words are corrected (the answer's {@code correctedQuery}). */
    SPELLING,
    /** It has enough of the query's words (weighted by how rare each is), not all of them. */
    PARTIAL,
    /** It is about what the query means, without enough of its words. */
    MEANING;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
