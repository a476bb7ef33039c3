package dev.podsearch.query.search;

import dev.podsearch.support.ProblemException;

/** The check of {@code q} that a search and a compiled saved search share: a 400 naming {@code q} when unusable. */
final class SearchQueries {

    private SearchQueries() {}

    /** The parsed query; a 400 problem when {@code q} is missing, too long, or has no words. */
    static UserQuery parse(String q, int maxLength) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badParameter("q", "q is required: the words to search for");
        }
        if (q.length() > maxLength) {
            throw ProblemException.badParameter(
                    "q", "q is " + q.length() + " characters long; the limit is " + maxLength);
        }
        UserQuery query = UserQuery.parse(q);
        if (query.isEmpty()) {
            throw ProblemException.badParameter("q", "q has no words to search for, only '" + q.strip() + "'");
        }
        return query;
    }
}
