package dev.podsearch.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SearchSyntaxAndFacetsTest extends CorpusTest {

    private static io.restassured.response.ValidatableResponse search(Map<String, Object> params) {
        return given().queryParams(params).when().get("/v1/search").then().statusCode(200);
    }

    @Test
    void anExcludedWordRemovesTheMomentsThatSayIt() {
        search(Map.of("q", "fog -ship"))
                .body("total", equalTo(3))
                .body("results.find { it.episode.id == 'ep-lighthouse' }.moments.startMs", equalTo(List.of(19000)));
    }

    @Test
    void stopWordsNeitherSinkNorExcludeEverything() {
        search(Map.of("q", "the loudest thing she has"))
                .body("results[0].episode.id", equalTo(TestCorpus.LIGHTHOUSE))
                .body("results[0].moments[0].startMs", equalTo(19000));
        search(Map.of("q", "\"of the\" fog")).body("total", equalTo(3));
        search(Map.of("q", "fog -the")).body("total", equalTo(3));
    }

    @Test
    void orMatchesEitherTerm() {
        search(Map.of("q", "sourdough OR keeper"))
                .body("total", equalTo(2))
                .body("results.episode.id.sort()", equalTo(List.of(TestCorpus.BAKERY, TestCorpus.LIGHTHOUSE)));
    }

    @Test
    void aQuotedPhraseMatchesOnlyThoseWordsInOrder() {
        search(Map.of("q", "\"passing ship\"", "moments", 5))
                .body("total", equalTo(1))
                .body("results[0].moments.startMs", equalTo(List.of(27000)));
        search(Map.of("q", "\"ship passing\"")).body("total", equalTo(0));
    }

    @Test
    void aPrefixMatchesWordsThatStartWithIt() {
        search(Map.of("q", "sourd*"))
                .body("results[0].episode.id", equalTo(TestCorpus.BAKERY))
                // the stemmed field has no match to highlight, and the moment still comes with its whole text
                .body(
                        "results[0].moments[0].text",
                        containsString("A sourdough starter is older than the bakery itself."))
                .body("results[0].moments[0].highlight", containsString("A <mark>sourdough</mark> starter is older"));
    }

    @Test
    void longerWordsTolerateATypo() {
        search(Map.of("q", "sourdogh")).body("results[0].episode.id", equalTo(TestCorpus.BAKERY));
        search(Map.of("q", "fgo")).body("total", equalTo(0)); // short words must be spelled right
    }

    @Test
    void filtersBySpeakerLanguageDateAndEpisode() {
        search(Map.of("q", "fog", "speaker", "Baker")).body("results.episode.id", equalTo(List.of(TestCorpus.BAKERY)));
        search(Map.of("q", "fog", "lang", "fr")).body("results.episode.id", equalTo(List.of(TestCorpus.BAKERY)));
        search(Map.of("q", "fog", "publishedAfter", "2026-01-01"))
                .body("total", equalTo(2))
                .body("results.episode.id", everyItem(org.hamcrest.Matchers.not(equalTo(TestCorpus.BAKERY))));
        search(Map.of("q", "fog", "publishedBefore", "2026-01-01"))
                .body("results.episode.id", equalTo(List.of(TestCorpus.BAKERY)));
        search(Map.of("q", "fog", "episode", TestCorpus.LIGHTHOUSE))
                .body("results.episode.id", equalTo(List.of(TestCorpus.LIGHTHOUSE)));
    }

    @Test
    void severalSpeakersOrLanguagesAreAlternativesAndDifferentFacetsAllApply() {
        given().queryParam("q", "fog")
                .queryParam("speaker", "Baker", "Host (guest)")
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("results.episode.id", containsInAnyOrder(TestCorpus.BAKERY, TestCorpus.LIGHTHOUSE));
        given().queryParam("q", "fog")
                .queryParam("lang", "fr", "en")
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(3));
        given().queryParam("q", "fog")
                .queryParam("lang", "fr")
                .queryParam("speaker", "Baker", "Host")
                .queryParam("show", "Kitchen Talk", "Coastal Hours")
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("results.episode.id", equalTo(List.of(TestCorpus.BAKERY)));
        given().queryParam("q", "fog")
                .queryParam("lang", "fr")
                .queryParam("speaker", "Host")
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void choosingSpeakersAndLanguagesKeepsTheOtherValuesOfTheirFacetListed() {
        given().queryParam("q", "fog")
                .queryParam("facets", "speaker,lang")
                .queryParam("speaker", "Baker")
                .queryParam("lang", "fr")
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                // speakers counted under the language filter only, languages under the speaker filter only
                .body("facets.speaker.value", equalTo(List.of("Baker")))
                .body("facets.lang.value", equalTo(List.of("fr")));
        given().queryParam("q", "fog")
                .queryParam("facets", "speaker,lang")
                .queryParam("speaker", "Baker")
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("facets.speaker.value", hasItems("Baker", "Host", "Host (guest)"))
                .body("facets.lang.value", equalTo(List.of("fr")));
        given().queryParam("q", "fog")
                .queryParam("facets", "lang")
                .queryParam("lang", "en")
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("facets.lang.value", equalTo(List.of("en", "fr")));
    }

    @Test
    void badFilterValuesAreProblemsNamingTheParameter() {
        given().queryParam("q", "fog")
                .queryParam("lang", "en", "not a language")
                .get("/v1/search")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("lang"))
                .body("detail", equalTo("lang 'not a language' is not a language tag such as en or pt-BR"));
        given().queryParam("q", "fog")
                .queryParam("speaker", "y".repeat(201))
                .get("/v1/search")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("speaker"))
                .body("detail", equalTo("speaker has a value of 201 characters; the limit is 200"));
        Object[] shows = java.util.stream.IntStream.range(0, 51)
                .mapToObj(i -> "Show " + i)
                .toArray();
        given().queryParam("q", "fog")
                .queryParam("show", shows)
                .get("/v1/search")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("show"))
                .body("detail", equalTo("show is given 51 different values; the limit is 50"));
        // repeats of one value are one value
        Object[] same = java.util.Collections.nCopies(60, "Baker").toArray();
        given().queryParam("q", "fog")
                .queryParam("speaker", same)
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("results.episode.id", equalTo(List.of(TestCorpus.BAKERY)));
    }

    @Test
    void groupByMomentGivesAFlatListOfMoments() {
        search(Map.of("q", "fog", "group", "moment"))
                .body("results", hasSize(4))
                .body("results.moments", everyItem(hasSize(1)))
                .body("results.moments.flatten().text", hasSize(4))
                .body("results.moments.flatten().text", everyItem(containsStringIgnoringCase("fog")))
                .body("results.moments.flatten().highlight", everyItem(containsString("<mark>")))
                // with group=moment the total counts moments (4 of them, in 3 episodes)
                .body("total", equalTo(4))
                .body("totalRelation", equalTo("eq"));
    }

    @Test
    void sortByDatePutsTheNewestEpisodeFirst() {
        search(Map.of("q", "fog", "sort", "date"))
                .body(
                        "results.episode.id",
                        equalTo(List.of(TestCorpus.HOSTILE, TestCorpus.LIGHTHOUSE, TestCorpus.BAKERY)));
    }

    @Test
    void facetsCountEpisodesAndKeepTheOtherValuesOfASelectedFacet() {
        search(Map.of("q", "fog", "facets", "show,speaker,lang,year"))
                .body("facets.show.value", equalTo(List.of("Kitchen Talk", "Coastal Hours")))
                .body("facets.show.count", equalTo(List.of(2, 1)))
                .body("facets.year.value", equalTo(List.of("2026", "2025")))
                .body("facets.year.count", equalTo(List.of(2, 1)))
                .body("facets.lang.value", equalTo(List.of("en", "fr")));

        search(Map.of("q", "fog", "facets", "show,speaker", "show", "Kitchen Talk"))
                .body("total", equalTo(2))
                .body("results.episode.show", everyItem(equalTo("Kitchen Talk")))
                .body("facets.show.value", equalTo(List.of("Kitchen Talk", "Coastal Hours")))
                .body("facets.speaker.value", equalTo(List.of("Baker", "Host")))
                .body("facets.speaker.count", equalTo(List.of(1, 1)));

        search(Map.of("q", "fog")).body("facets", nullValue());
    }

    @Test
    void rejectsUnknownChoicesAndQueriesWithoutWords() {
        for (String[] bad : new String[][] {
            {"group", "show"}, {"sort", "popularity"}, {"facets", "show,color"}, {"publishedAfter", "yesterday"}
        }) {
            given().queryParam("q", "fog")
                    .queryParam(bad[0], bad[1])
                    .get("/v1/search")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("parameter", equalTo(bad[0]));
        }
        given().queryParam("q", "\"\" - *")
                .get("/v1/search")
                .then()
                .statusCode(400)
                .body("detail", containsString("no words"));
    }
}
