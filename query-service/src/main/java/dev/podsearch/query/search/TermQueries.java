package dev.podsearch.query.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.ZeroTermsQuery;

/** The queries of single terms and groups of the user's query, and what kind of group each is. */
final class TermQueries {

    /**
     * The English analyzer's stop words: the stemmed field ignores them, so the joined-pairs field (which keeps them)
     * must too, or "-the" would exclude everything.
     */
    static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
            "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
            "will", "with");

    private TermQueries() {}

    static Query anyOf(List<UserQuery.Term> group, boolean required) {
        if (group.size() == 1) {
            return term(group.getFirst(), required);
        }
        return Query.of(m -> m.bool(any ->
                any.should(group.stream().map(t -> term(t, required)).toList()).minimumShouldMatch("1")));
    }

    static boolean isQuoted(List<UserQuery.Term> group) {
        return group.size() == 1 && group.getFirst().kind() == UserQuery.Kind.PHRASE;
    }

    /** A quoted phrase with a word that is not a stop word: one that narrows the results by itself. */
    static boolean isContentPhrase(List<UserQuery.Term> group) {
        return isQuoted(group)
                && Arrays.stream(group.getFirst().text().split(" "))
                        .anyMatch(word -> !STOP_WORDS.contains(word.toLowerCase(Locale.ROOT)));
    }

    static boolean isPlain(List<UserQuery.Term> group) {
        return group.size() == 1 && group.getFirst().kind() == UserQuery.Kind.WORD;
    }

    static boolean joinable(List<UserQuery.Term> group) {
        return isPlain(group) && !isStopWord(group.getFirst());
    }

    static boolean isStopWord(UserQuery.Term term) {
        return STOP_WORDS.contains(term.text().toLowerCase(Locale.ROOT));
    }

    /**
     * One term as a query. A stop word ("the") analyzes to nothing: as a required term it must then match everything
     * (or it would sink the whole query); as an excluded term, nothing (or it would exclude everything).
     */
    static Query term(UserQuery.Term term, boolean required) {
        ZeroTermsQuery stopWordsOnly = required ? ZeroTermsQuery.All : ZeroTermsQuery.None;
        return switch (term.kind()) {
            case WORD -> // stemmed, or a word the recognizer split in two ("DeepSeek" / "deep seek"); never another
                // word
                Query.of(q -> q.bool(any -> any.should(s -> s.match(m -> m.field("text")
                                .query(FieldValue.of(term.text()))
                                .zeroTermsQuery(stopWordsOnly)))
                        .should(
                                isStopWord(term)
                                        ? Query.of(none -> none.matchNone(n -> n))
                                        : joinedWord(term.text(), stopWordsOnly))
                        .minimumShouldMatch("1")));
            case PHRASE ->
                Query.of(q ->
                        q.matchPhrase(m -> m.field("text").query(term.text()).zeroTermsQuery(stopWordsOnly)));
            case NAME -> name(term);
            case PREFIX -> Query.of(q -> q.prefix(p -> p.field("text.exact").value(term.text())));
        };
    }

    /**
     * A group found in the moment's text or in its episode's fields (title, notes, show, speaker): what covers one of
     * the query's words.
     */
    static Query anywhere(List<UserQuery.Term> group) {
        List<Query> any = new ArrayList<>();
        for (UserQuery.Term t : group) {
            any.add(term(t, false));
            if (t.kind() != UserQuery.Kind.PREFIX) {
                any.add(Query.of(q -> q.match(
                        m -> m.field("about").query(FieldValue.of(t.text())).operator(Operator.And))));
            }
        }
        return Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1")));
    }

    /** A spelling correction of a typed word, as the transcripts write it (a word, or two the recognizer joined). */
    static Query corrected(String word) {
        return Query.of(q ->
                q.bool(any -> any.should(s -> s.match(m -> m.field("text.exact").query(FieldValue.of(word))))
                        .should(joinedWord(word, ZeroTermsQuery.None))
                        .minimumShouldMatch("1")));
    }

    /**
     * A name written with dots, hyphens or digits ("x.ai", "gpt-4o", "node.js"): its parts in order, or its parts
     * written as one word ("xai", "gpt4o", "nodejs"), however the transcript has it. The moments' text is indexed
     * with such names split and joined as well as whole.
     */
    static Query name(UserQuery.Term term) {
        String joined = term.text().replace(" ", "");
        return Query.of(q ->
                q.bool(any -> any.should(s -> s.matchPhrase(m -> m.field("text").query(term.text())))
                        .should(s -> s.match(m -> m.field("text.exact").query(FieldValue.of(joined))))
                        .should(joinedWord(joined, ZeroTermsQuery.None))
                        .minimumShouldMatch("1")));
    }

    /**
     * A word against the joined-pairs field, as it is: "deepseek" matches "deep seek" and "DeepSeek". Never typo
     * tolerant: one typo away from a pair is mostly the word and a short one after it ("gondola a" is "gondolaa"),
     * which would mark both as the match.
     */
    static Query joinedWord(String word, ZeroTermsQuery stopWordsOnly) {
        return Query.of(q ->
                q.match(m -> m.field("text.joined").query(FieldValue.of(word)).zeroTermsQuery(stopWordsOnly)));
    }
}
