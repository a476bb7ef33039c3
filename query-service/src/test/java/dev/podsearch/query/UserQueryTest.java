package dev.podsearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.query.search.UserQuery;
import dev.podsearch.query.search.UserQuery.Kind;
import dev.podsearch.query.search.UserQuery.Term;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserQueryTest {

    @Test
    void wordsPhrasesExclusionsOrAndPrefixes() {
        UserQuery query = UserQuery.parse("fog \"loudest thing\" -ship keeper OR lamp light*");

        assertEquals(
                List.of(
                        List.of(new Term(Kind.WORD, "fog")),
                        List.of(new Term(Kind.PHRASE, "loudest thing")),
                        List.of(new Term(Kind.WORD, "keeper"), new Term(Kind.WORD, "lamp")),
                        List.of(new Term(Kind.PREFIX, "light"))),
                query.groups());
        assertEquals(List.of(new Term(Kind.WORD, "ship")), query.excluded());
        assertEquals("fog loudest thing", query.positiveText());
    }

    @Test
    void namesWithDotsHyphensOrDigitsBetweenTheirPartsAreOneTerm() {
        assertEquals(
                List.of(List.of(new Term(Kind.NAME, "x ai")), List.of(new Term(Kind.NAME, "gpt 4o"))),
                UserQuery.parse("x.ai gpt-4o").groups());
        assertEquals(
                List.of(List.of(new Term(Kind.PHRASE, "x ai"))),
                UserQuery.parse("\"x.ai\"").groups());
        assertEquals(
                "x ai gpt 4o llama",
                UserQuery.parse("x.ai OR gpt-4o llama -mistral").meaning());
    }

    @Test
    void neverFailsOnHostileInput() {
        assertEquals(
                List.of(List.of(new Term(Kind.PHRASE, "unbalanced quote"))),
                UserQuery.parse("\"unbalanced quote").groups());
        assertEquals(
                List.of(new Term(Kind.NAME, "a b"), new Term(Kind.WORD, "c")),
                UserQuery.parse("a:b OR [c TO d]").groups().getFirst());
        assertTrue(UserQuery.parse("- * \"\" OR ( ) {} \\/").isEmpty());
        assertEquals(
                List.of(List.of(new Term(Kind.WORD, "x"))),
                UserQuery.parse("OR x").groups());
        assertEquals(
                List.of(new Term(Kind.PHRASE, "deep seek")),
                UserQuery.parse("-\"deep seek\" nvidia").excluded());
    }

    @Test
    void shortPrefixesAreWords() {
        assertEquals(
                List.of(List.of(new Term(Kind.WORD, "a"))),
                UserQuery.parse("a*").groups());
    }
}
