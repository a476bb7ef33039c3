package dev.podsearch.query.search;

import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.ZeroTermsQuery;

/**
 * The user's words as engine queries. {@link #ranked} is what a search runs. Its score has two parts: the
 * <em>coverage</em> of the query's words (each counted word or {@code a OR b} group that a moment has, in its text or
 * in its episode's title, notes, show or speaker, adds its share of {@value #COVERAGE}, shares weighted by how rare the
 * word is: {@link WordStats}), so a moment with every word comes first; and, far below, the usual relevance (rarer
 * words, the words close together, the words as typed, a match in the text more than in the episode's fields), which
 * orders moments of equal coverage. A moment that has every word only with a misspelled word corrected scores
 * {@value #SPELLED} of full coverage: below every exact match. Quoted phrases and {@code -exclusions} stay strict.
 * Each part is a named query, so the engine says which words a hit has ({@link Coverage}) and nothing is read back
 * from scores. {@link StrictQuery} requires every word in the moment itself (trends count mentions, not relevance).
 */
public final class TextQuery {

    /** The score of a moment that has every word. */
    static final float COVERAGE = 100f;

    /** Full coverage found only through a spelling correction counts this share of {@link #COVERAGE}. */
    static final float SPELLED = 0.95f;

    /** The relevance part's weight: it orders moments of one coverage, never outweighs a word's share. */
    static final float RELEVANCE = 0.01f;

    /** Named query: the counted group {@code i} found as typed. */
    static String word(int i) {
        return "w" + i;
    }

    /** Named query: the counted groups {@code i} and {@code i + 1} found written as one word. */
    static String joined(int i) {
        return "j" + i;
    }

    /** Named query: every counted group found, some only through their spelling correction. */
    static final String SPELLED_ALL = "spelled";

    private TextQuery() {}

    /** The groups that count towards coverage: anything but a quoted phrase or a lone stop word. */
    static List<List<UserQuery.Term>> counted(UserQuery query) {
        return query.groups().stream().filter(TextQuery::counts).toList();
    }

    /** Whether the query holds a quoted phrase with a word that is not a stop word: what must match then. */
    static boolean hasContentPhrase(UserQuery query) {
        return query.groups().stream().anyMatch(TermQueries::isContentPhrase);
    }

    /** The ranked query: see the class comment. */
    public static Query ranked(UserQuery query, WordStats stats) {
        List<List<UserQuery.Term>> counted = counted(query);
        boolean strictOnly = counted.isEmpty();
        return Query.of(q -> q.bool(b -> {
            bounds(query, b);
            if (strictOnly) { // nothing but stop words ("the who"): those words, required
                query.groups().stream()
                        .filter(g -> !TermQueries.isQuoted(g))
                        .forEach(g -> b.must(TermQueries.anyOf(g, true)));
                return b;
            }
            b.should(coverage(counted, stats));
            b.should(relevance(query, counted, stats));
            if (!hasContentPhrase(query)) {
                // what matches: a moment with at least one word (or two joined); with a quoted phrase, the phrase is
                // what must match and the words only rank
                b.filter(found(counted, stats));
            }
            return b;
        }));
    }

    /**
     * The lowest score a moment may have to be a hit by its words: {@code floor} of the words' weight. Null when there
     * is no floor: a quoted phrase is what must match then, or the query has no counted words.
     */
    static Double minScore(UserQuery query, double floor) {
        if (counted(query).isEmpty() || hasContentPhrase(query)) {
            return null;
        }
        return (double) COVERAGE * floor - 0.01;
    }

    /**
     * What the user made strict, as filters: every quoted phrase, each {@code a OR b} group (one of them), no excluded
     * word. Applied to every list of a search (the meaning list and the fetch of moments too), so a hit never lacks
     * a phrase or has an excluded word, whichever way it was found.
     */
    static Query bounds(UserQuery query) {
        return Query.of(q -> q.bool(b -> {
            bounds(query, b);
            return b;
        }));
    }

    private static void bounds(UserQuery query, BoolQuery.Builder b) {
        for (List<UserQuery.Term> group : query.groups()) {
            if (TermQueries.isQuoted(group)) { // scored: among hits that all have it, where it stands out ranks first
                b.must(TermQueries.term(group.getFirst(), true));
            } else if (group.size() > 1) { // a OR b: one of them, in the moment or its episode's fields
                b.filter(TermQueries.anywhere(group));
            }
        }
        query.excluded().forEach(t -> b.mustNot(TermQueries.term(t, false)));
    }

    /**
     * The coverage part: each group's share when found as typed (two neighbours written as one cover both, never
     * twice); or, when every group is found only with misspelled words corrected, {@value #SPELLED} of the whole.
     */
    private static Query coverage(List<List<UserQuery.Term>> counted, WordStats stats) {
        List<Query> parts = new ArrayList<>();
        for (int i = 0; i < counted.size(); i++) {
            List<UserQuery.Term> group = counted.get(i);
            if (i + 1 < counted.size() && TermQueries.joinable(group) && TermQueries.joinable(counted.get(i + 1))) {
                parts.add(pairCoverage(group, counted.get(i + 1), i, stats));
                i++;
            } else {
                parts.add(groupCoverage(group, i, stats));
            }
        }
        Query exact = Query.of(q -> q.bool(b -> b.should(parts)));
        if (stats.corrections().isEmpty()) {
            return exact;
        }
        Query spelled = Query.of(q -> q.constantScore(
                c -> c.filter(everyGroupCorrected(counted, stats)).boost(COVERAGE * SPELLED)));
        return Query.of(q -> q.disMax(d -> d.queries(exact, spelled)));
    }

    /** Every group found, as typed or as corrected: the corrected query as a whole. */
    private static Query everyGroupCorrected(List<List<UserQuery.Term>> counted, WordStats stats) {
        return Query.of(q -> q.bool(b -> {
            for (int i = 0; i < counted.size(); i++) {
                b.must(typedOrCorrected(counted.get(i), i, stats));
            }
            return b.queryName(SPELLED_ALL);
        }));
    }

    static Query typedOrCorrected(List<UserQuery.Term> group, int i, WordStats stats) {
        String correction = stats.corrections().get(i);
        if (correction == null) {
            return TermQueries.anywhere(group);
        }
        return Query.of(q -> q.bool(b -> b.should(TermQueries.anywhere(group))
                .should(TermQueries.corrected(correction))
                .minimumShouldMatch("1")));
    }

    /** The group's share of {@value #COVERAGE} when it is found in the moment's text or its episode's fields. */
    private static Query groupCoverage(List<UserQuery.Term> group, int i, WordStats stats) {
        Query found =
                Query.of(q -> q.bool(b -> b.filter(TermQueries.anywhere(group)).queryName(word(i))));
        return Query.of(q -> q.constantScore(c -> c.filter(found).boost(COVERAGE * (float) stats.weight(i))));
    }

    /**
     * Two typed words the recognizer may have written as one ("deep seek" / "DeepSeek"): the joined form covers both
     * words, but never counts them twice.
     */
    private static Query pairCoverage(List<UserQuery.Term> first, List<UserQuery.Term> second, int i, WordStats stats) {
        Query joined = Query.of(q -> q.bool(b -> b.filter(TermQueries.joinedWord(
                        first.getFirst().text() + second.getFirst().text(), ZeroTermsQuery.None))
                .queryName(joined(i))));
        Query apart = Query.of(
                q -> q.bool(b -> b.should(groupCoverage(first, i, stats)).should(groupCoverage(second, i + 1, stats))));
        float both = COVERAGE * (float) (stats.weight(i) + stats.weight(i + 1));
        Query together = Query.of(q -> q.constantScore(c -> c.filter(joined).boost(both)));
        return Query.of(q -> q.disMax(d -> d.queries(apart, together)));
    }

    /**
     * The relevance part, weighted {@value #RELEVANCE}: the words (and corrected words) by BM25, neighbouring words said
     * close together, the words as typed together, and a match in the title or notes.
     */
    private static Query relevance(UserQuery query, List<List<UserQuery.Term>> counted, WordStats stats) {
        return Query.of(q -> q.bool(b -> {
            for (int i = 0; i < counted.size(); i++) {
                b.should(TermQueries.anyOf(counted.get(i), true));
                String correction = stats.corrections().get(i);
                if (correction != null) {
                    b.should(TermQueries.corrected(correction));
                }
            }
            for (int i = 0; i + 1 < counted.size(); i++) {
                if (TermQueries.joinable(counted.get(i)) && TermQueries.joinable(counted.get(i + 1))) {
                    b.should(TermQueries.joinedWord(
                            counted.get(i).getFirst().text()
                                    + counted.get(i + 1).getFirst().text(),
                            ZeroTermsQuery.None));
                }
                if (TermQueries.isPlain(counted.get(i)) && TermQueries.isPlain(counted.get(i + 1))) {
                    String pair = counted.get(i).getFirst().text() + " "
                            + counted.get(i + 1).getFirst().text();
                    b.should(s -> s.matchPhrase(p -> p.field("text").query(pair).slop(6)));
                }
            }
            String words = query.positiveText();
            if (words.contains(" ")) { // the words as typed, together, outrank the same words scattered
                b.should(s ->
                        s.matchPhrase(p -> p.field("text.exact").query(words).boost(3.0f)));
            }
            if (!words.isEmpty()) { // a match in the title or the notes counts more than one passing mention
                b.should(s -> s.match(
                        m -> m.field("about").query(FieldValue.of(words)).boost(2.0f)));
            }
            return b.boost(RELEVANCE);
        }));
    }

    /** A moment that has any of the groups (or its correction), in its text or its episode's fields, or two joined. */
    private static Query found(List<List<UserQuery.Term>> counted, WordStats stats) {
        List<Query> any = new ArrayList<>();
        for (int i = 0; i < counted.size(); i++) {
            any.add(typedOrCorrected(counted.get(i), i, stats));
            if (i + 1 < counted.size()
                    && TermQueries.joinable(counted.get(i))
                    && TermQueries.joinable(counted.get(i + 1))) {
                any.add(TermQueries.joinedWord(
                        counted.get(i).getFirst().text()
                                + counted.get(i + 1).getFirst().text(),
                        ZeroTermsQuery.None));
            }
        }
        return Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1")));
    }

    /** A group that counts towards coverage: anything but a quoted phrase or a lone stop word. */
    private static boolean counts(List<UserQuery.Term> group) {
        return !TermQueries.isQuoted(group)
                && !(TermQueries.isPlain(group) && TermQueries.isStopWord(group.getFirst()));
    }
}
