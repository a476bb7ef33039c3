package dev.podsearch.query.search;

import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.ZeroTermsQuery;

/**
 * The user's words as engine queries. {@link #ranked} is what a search runs: it never filters to nothing what a user
 * typed, it ranks. Each typed word (or {@code a OR b} group) that a moment has, in its text or in its episode's
 * title, notes, show or speaker, adds {@value #COVER} to its score, so moments with all the words come first, then
 * those with the most of them; within a tier the usual relevance (rarer words, the words close together, the words as
 * typed, a match in the text more than in the episode's fields) decides. Quoted phrases and {@code -exclusions} stay
 * strict. {@link #strict} requires every word in the moment itself (trends count mentions, not relevance).
 */
public final class TextQuery {

    /** What one covered word adds: more than the relevance of all the words together can reach. */
    static final float COVER = 100f;

    private TextQuery() {}

    /** How many of the query's groups count towards coverage: the score a moment with all of them reaches. */
    static int coverable(UserQuery query) {
        return (int) query.groups().stream().filter(TextQuery::counts).count();
    }

    /** The ranked query: see the class comment. */
    public static Query ranked(UserQuery query) {
        List<List<UserQuery.Term>> groups = query.groups();
        List<List<UserQuery.Term>> counted =
                groups.stream().filter(TextQuery::counts).toList();
        boolean strictOnly = counted.isEmpty();
        return Query.of(q -> q.bool(b -> {
            for (List<UserQuery.Term> group : groups) {
                if (TermQueries.isQuoted(group)) {
                    b.must(TermQueries.term(group.getFirst(), true));
                } else if (strictOnly) { // nothing but stop words ("the who"): those words, required
                    b.must(TermQueries.anyOf(group, true));
                }
            }
            for (int i = 0; i < counted.size(); i++) {
                List<UserQuery.Term> group = counted.get(i);
                b.should(TermQueries.anyOf(group, true));
                if (i + 1 < counted.size() && TermQueries.joinable(group) && TermQueries.joinable(counted.get(i + 1))) {
                    b.should(pairCoverage(group, counted.get(++i)));
                    b.should(TermQueries.anyOf(counted.get(i), true));
                } else {
                    b.should(coverage(group));
                }
            }
            proximity(counted, b);
            query.excluded().forEach(t -> b.mustNot(TermQueries.term(t, false)));
            String words = query.positiveText();
            if (words.contains(" ")) { // the words as typed, together, outrank the same words scattered
                b.should(s ->
                        s.matchPhrase(p -> p.field("text.exact").query(words).boost(3.0f)));
            }
            if (!words.isEmpty()) { // a match in the title or the notes counts more than one passing mention
                b.should(s -> s.match(
                        m -> m.field("about").query(FieldValue.of(words)).boost(2.0f)));
            }
            if (groups.stream().noneMatch(TermQueries::isContentPhrase) && !strictOnly) {
                // what matches: a moment with at least one word (or two joined); every should clause above only ranks,
                // so a boost alone (a name's part in the title) finds nothing. With a quoted phrase, the phrase is what
                // must match and the words only rank.
                b.filter(found(counted));
            }
            return b;
        }));
    }

    /** Every group must match in the moment's text (a group matches with any of its OR-ed terms); no excluded term may. */
    public static Query strict(UserQuery query) {
        return Query.of(q -> q.bool(b -> {
            List<List<UserQuery.Term>> groups = query.groups();
            for (int i = 0; i < groups.size(); i++) {
                List<UserQuery.Term> group = groups.get(i);
                List<UserQuery.Term> next = i + 1 < groups.size() ? groups.get(i + 1) : null;
                if (next != null && TermQueries.joinable(group) && TermQueries.joinable(next)) {
                    // Two words may have been transcribed as one ("deep seek" / "DeepSeek"): either form matches.
                    Query both = Query.of(p -> p.bool(pair -> pair.must(TermQueries.term(group.getFirst(), true))
                            .must(TermQueries.term(next.getFirst(), true))));
                    String joined = group.getFirst().text() + next.getFirst().text();
                    b.must(m -> m.bool(any -> any.should(both)
                            .should(TermQueries.joinedWord(joined, ZeroTermsQuery.None, true))
                            .minimumShouldMatch("1")));
                    i++;
                } else {
                    b.must(TermQueries.anyOf(group, true));
                }
            }
            query.excluded().forEach(t -> b.mustNot(TermQueries.term(t, false)));
            return b;
        }));
    }

    /** A moment that has any of the groups, in its text or its episode's fields, or two neighbours joined. */
    private static Query found(List<List<UserQuery.Term>> counted) {
        List<Query> any = new java.util.ArrayList<>();
        for (int i = 0; i < counted.size(); i++) {
            any.add(anywhere(counted.get(i)));
            if (i + 1 < counted.size()
                    && TermQueries.joinable(counted.get(i))
                    && TermQueries.joinable(counted.get(i + 1))) {
                any.add(TermQueries.joinedWord(
                        counted.get(i).getFirst().text()
                                + counted.get(i + 1).getFirst().text(),
                        ZeroTermsQuery.None,
                        true));
            }
        }
        return Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1")));
    }

    /** A group found in the moment's text or in its episode's fields (title, notes, show, speaker). */
    private static Query anywhere(List<UserQuery.Term> group) {
        List<Query> any = new ArrayList<>();
        for (UserQuery.Term t : group) {
            any.add(TermQueries.term(t, false));
            if (t.kind() != UserQuery.Kind.PREFIX) {
                any.add(Query.of(q -> q.match(m -> m.field("about")
                        .query(FieldValue.of(t.text()))
                        .operator(org.opensearch.client.opensearch._types.query_dsl.Operator.And))));
            }
        }
        return Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1")));
    }

    /** {@value #COVER} when the group is found in the moment's text or its episode's fields. */
    private static Query coverage(List<UserQuery.Term> group) {
        Query found = anywhere(group);
        return Query.of(q -> q.constantScore(c -> c.filter(found).boost(COVER)));
    }

    /**
     * Two typed words the recognizer may have written as one ("deep seek" / "DeepSeek"): the joined form covers both
     * words, but never counts them twice. Typo tolerant: two typed words joined then also reach "DeepSeq".
     */
    private static Query pairCoverage(List<UserQuery.Term> first, List<UserQuery.Term> second) {
        Query joined = TermQueries.joinedWord(
                first.getFirst().text() + second.getFirst().text(), ZeroTermsQuery.None, true);
        Query apart = Query.of(q -> q.bool(b -> b.should(coverage(first)).should(coverage(second))));
        Query together = Query.of(q -> q.constantScore(c -> c.filter(joined).boost(2 * COVER)));
        Query togetherRanked = Query.of(q -> q.bool(b -> b.must(together).should(joined)));
        return Query.of(q -> q.disMax(d -> d.queries(apart, togetherRanked)));
    }

    /** Words said close together outrank the same words far apart: each neighbouring pair, within a few words. */
    private static void proximity(
            List<List<UserQuery.Term>> groups, org.opensearch.client.opensearch._types.query_dsl.BoolQuery.Builder b) {
        for (int i = 0; i + 1 < groups.size(); i++) {
            if (TermQueries.isPlain(groups.get(i)) && TermQueries.isPlain(groups.get(i + 1))) {
                String pair = groups.get(i).getFirst().text() + " "
                        + groups.get(i + 1).getFirst().text();
                b.should(s -> s.matchPhrase(p -> p.field("text").query(pair).slop(6)));
            }
        }
    }

    /** A group that counts towards coverage: anything but a quoted phrase or a lone stop word. */
    private static boolean counts(List<UserQuery.Term> group) {
        return !TermQueries.isQuoted(group)
                && !(TermQueries.isPlain(group) && TermQueries.isStopWord(group.getFirst()));
    }
}
