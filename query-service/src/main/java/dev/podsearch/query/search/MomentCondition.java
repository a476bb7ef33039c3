package dev.podsearch.query.search;

import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.ZeroTermsQuery;

/**
 * What a single moment must match for a keyword search ({@link EngineRequests#keyword}) to list it, as a query without
 * scores: what a saved search (an alert) stores in a percolator, so it fires exactly when the search would find the
 * moment. The search's rule and this one are the same: the user's strict parts ({@link TextQuery#bounds}: phrases,
 * {@code a OR b}, exclusions), the facet filters, and
 *
 * <ul>
 *   <li>with a quoted phrase that has a content word: nothing more (the phrase is what must match; no word floor);
 *   <li>with only stop words: each of them, as {@link TextQuery#ranked} requires them;
 *   <li>else the word floor: the search keeps a moment whose coverage ({@link TextQuery}: each counted group found
 *       adds its weight, two joined neighbours both) reaches {@code wordFloor} of the whole ({@code min_score}). A
 *       percolator query has no score to compare, so that is written out as the alternatives: every least set of
 *       groups whose weights reach the floor, all found; and, when a misspelled word has a correction, every group
 *       found as typed or corrected (which the search scores {@value TextQuery#SPELLED} of full coverage).
 * </ul>
 *
 * The weights are the query's word statistics when it is compiled. A query of more than {@value #MAX_EXACT_GROUPS}
 * counted groups (rare: 500 characters at most) takes the floor as a share of the groups, as if they weighed the same.
 */
final class MomentCondition {

    /** Above this many counted groups the floor counts groups instead of listing the sets of them. */
    static final int MAX_EXACT_GROUPS = 10;

    /** The slack {@link TextQuery#minScore} leaves below the floor, as a share of full coverage. */
    private static final double SLACK = 0.01 / TextQuery.COVERAGE;

    private MomentCondition() {}

    /** The condition, with the facet filters ({@code filters}: show, speaker, language; may be empty). */
    static Query of(UserQuery query, WordStats stats, double wordFloor, List<Query> filters) {
        List<List<UserQuery.Term>> counted = TextQuery.counted(query);
        return Query.of(q -> q.bool(b -> {
            b.filter(TextQuery.bounds(query));
            filters.forEach(b::filter);
            if (counted.isEmpty()) {
                query.groups().stream()
                        .filter(g -> !TermQueries.isQuoted(g))
                        .forEach(g -> b.filter(TermQueries.anyOf(g, true)));
            } else if (!TextQuery.hasContentPhrase(query)) {
                b.filter(floor(counted, stats, wordFloor));
            }
            return b;
        }));
    }

    /**
     * What the meaning list requires of a moment besides its closeness: the strict parts and the facet filters (the
     * search applies {@link TextQuery#bounds} to every list), without the word floor.
     */
    static Query meaningFilter(UserQuery query, List<Query> filters) {
        return Query.of(q -> q.bool(b -> {
            b.filter(TextQuery.bounds(query));
            filters.forEach(b::filter);
            return b;
        }));
    }

    private static Query floor(List<List<UserQuery.Term>> counted, WordStats stats, double wordFloor) {
        List<Query> found = found(counted);
        List<Query> alternatives = new ArrayList<>();
        if (counted.size() > MAX_EXACT_GROUPS) {
            int needed = (int) Math.ceil(counted.size() * (wordFloor - SLACK));
            alternatives.add(Query.of(q -> q.bool(b -> b.should(found).minimumShouldMatch(Integer.toString(needed)))));
        } else {
            for (int set : leastSets(counted.size(), stats, wordFloor - SLACK)) {
                List<Query> all = new ArrayList<>();
                for (int i = 0; i < counted.size(); i++) {
                    if ((set & (1 << i)) != 0) {
                        all.add(found.get(i));
                    }
                }
                alternatives.add(Query.of(q -> q.bool(b -> b.filter(all))));
            }
        }
        if (!stats.corrections().isEmpty() && TextQuery.SPELLED >= wordFloor - SLACK) {
            List<Query> every = new ArrayList<>();
            for (int i = 0; i < counted.size(); i++) {
                every.add(TextQuery.typedOrCorrected(counted.get(i), i, stats));
            }
            alternatives.add(Query.of(q -> q.bool(b -> b.filter(every))));
        }
        if (alternatives.isEmpty()) {
            return Query.of(q -> q.matchNone(n -> n));
        }
        return Query.of(q -> q.bool(b -> b.should(alternatives).minimumShouldMatch("1")));
    }

    /**
     * Each counted group found as typed, in the moment or its episode's fields; a group the search pairs with its
     * neighbour (two joinable words, paired from the left as {@link TextQuery} pairs them) also by the pair written as
     * one word, which covers both.
     */
    static List<Query> found(List<List<UserQuery.Term>> counted) {
        List<Query> found = new ArrayList<>();
        for (int i = 0; i < counted.size(); i++) {
            List<UserQuery.Term> group = counted.get(i);
            if (i + 1 < counted.size() && TermQueries.joinable(group) && TermQueries.joinable(counted.get(i + 1))) {
                Query joined = TermQueries.joinedWord(
                        group.getFirst().text() + counted.get(i + 1).getFirst().text(), ZeroTermsQuery.None);
                found.add(either(TermQueries.anywhere(group), joined));
                found.add(either(TermQueries.anywhere(counted.get(i + 1)), joined));
                i++;
            } else {
                found.add(TermQueries.anywhere(group));
            }
        }
        return found;
    }

    private static Query either(Query a, Query b) {
        return Query.of(q -> q.bool(any -> any.should(a, b).minimumShouldMatch("1")));
    }

    /**
     * The sets of groups (bit masks) whose weights reach {@code floor} and have no smaller such subset (weights are not
     * negative: a set is least when no set of one group fewer reaches the floor).
     */
    static List<Integer> leastSets(int groups, WordStats stats, double floor) {
        List<Integer> least = new ArrayList<>();
        for (int set = 1; set < 1 << groups; set++) {
            if (reaches(set, groups, stats, floor)) {
                boolean minimal = true;
                for (int i = 0; i < groups && minimal; i++) {
                    int without = set & ~(1 << i);
                    if (without != set && reaches(without, groups, stats, floor)) {
                        minimal = false;
                    }
                }
                if (minimal) {
                    least.add(set);
                }
            }
        }
        return least;
    }

    private static boolean reaches(int set, int groups, WordStats stats, double floor) {
        double sum = 0;
        for (int i = 0; i < groups; i++) {
            if ((set & (1 << i)) != 0) {
                sum += stats.weight(i);
            }
        }
        return sum >= floor;
    }
}
