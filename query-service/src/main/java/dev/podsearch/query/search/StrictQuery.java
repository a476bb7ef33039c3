package dev.podsearch.query.search;

import java.util.List;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.ZeroTermsQuery;

/**
 * The user's words, every one required in the moment's text: what trends count (mentions, not relevance) and what a
 * did-you-mean suggestion must find. A search ranks with {@link TextQuery} instead.
 */
public final class StrictQuery {

    private StrictQuery() {}

    /** Every group must match in the moment's text (a group matches with any of its OR-ed terms); no excluded term may. */
    public static Query of(UserQuery query) {
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
                            .should(TermQueries.joinedWord(joined, ZeroTermsQuery.None))
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
}
