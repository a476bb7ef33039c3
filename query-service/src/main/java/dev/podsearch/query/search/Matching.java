package dev.podsearch.query.search;

/**
 * What a search needs to tell how each hit matched: the query's counted words and their {@link WordStats}, whether it
 * has a quoted phrase, and the word floor ({@code query.word-floor}).
 */
record Matching(int groups, boolean phrase, WordStats stats, double floor) {

    static Matching of(UserQuery query, WordStats stats, double floor) {
        return new Matching(TextQuery.counted(query).size(), TextQuery.hasContentPhrase(query), stats, floor);
    }

    Coverage coverage(EngineResponse.Hit hit) {
        return Coverage.of(hit.matchedQueries(), groups, stats);
    }

    /** How the hit matched by its words; null when it has too few of them. */
    MatchKind kind(EngineResponse.Hit hit) {
        return coverage(hit).kind(phrase, floor);
    }
}
