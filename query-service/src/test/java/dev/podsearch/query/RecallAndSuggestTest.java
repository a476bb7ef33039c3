package dev.podsearch.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Speech-recognition variants, passages of several lines, typeahead and similar episodes. */
@QuarkusTest
class RecallAndSuggestTest extends CorpusTest {

    private static ValidatableResponse search(Map<String, Object> params) {
        return given().queryParams(params).when().get("/v1/search").then().statusCode(200);
    }

    @Test
    void oneNameFoundHoweverTheRecognizerWroteItInOneOrTwoWords() {
        for (String q : List.of("deepseek", "deep seek", "DeepSeek")) {
            search(Map.of("q", q, "group", "moment", "size", "10"))
                    .body("results.episode.id.sort()", equalTo(List.of(TestCorpus.CHIPS, TestCorpus.MORE_WEIGHTS)))
                    .body("results.moments.flatten().matchedBy", everyItem(equalTo("words")))
                    .body(
                            "results.find { it.episode.id == 'ep-chips' }.moments[0].highlight",
                            containsString("<mark>deep seek</mark>"))
                    .body(
                            "results.find { it.episode.id == 'ep-more-weights' }.moments[0].highlight",
                            containsString("<mark>DeepSeek</mark>"));
        }
    }

    @Test
    void highlightsMarkTheTypedWordsNotTheirNeighbours() {
        // the README's query: once it marked "deepseq v" and "deepseek is" whole (a typo-tolerant match of the joined
        // pair against two-word shingles); only what was typed (stemmed, or written as one word) is marked now
        List<String> highlights = search(Map.of("q", "deep seek ditching nvidia", "group", "moment", "size", "20"))
                .extract()
                .path("results.moments.flatten().highlight");
        java.util.regex.Matcher marked =
                java.util.regex.Pattern.compile("<mark>(.*?)</mark>").matcher(String.join(" ", highlights));
        java.util.Set<String> typed = java.util.Set.of("deep", "seek", "deepseek", "ditched", "ditching", "nvidia");
        int spans = 0;
        while (marked.find()) {
            spans++;
            for (String word :
                    marked.group(1).toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")) {
                org.junit.jupiter.api.Assertions.assertTrue(
                        word.isEmpty() || typed.contains(word), "marked '" + marked.group(1) + "' in " + highlights);
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(spans > 0, "nothing marked: " + highlights);
    }

    @Test
    void aWordTheTranscriptsHaveMatchesNoOtherSpellingQuietly() {
        // "deepseek" is said, so "DeepSeq" (two edits away) is another word, not a match of it; typed itself, it is
        search(Map.of("q", "deep seek", "group", "moment", "size", "10"))
                .body("results.moments.flatten().highlight", everyItem(not(containsString("DeepSeq</mark>"))))
                .body("correctedQuery", nullValue());
        search(Map.of("q", "deepseq", "group", "moment"))
                .body("results.episode.id", equalTo(List.of(TestCorpus.WEIGHTS)))
                .body("results[0].moments[0].highlight", containsString("<mark>DeepSeq</mark>"));
    }

    @Test
    void aWordIsNotMarkedTogetherWithTheShortWordAfterIt() {
        // "gondola a" joins to "gondolaa", one typo away from "gondola": the joined pairs take a single word as it is
        search(Map.of("q", "gondola", "group", "moment"))
                .body("results.episode.id", equalTo(List.of(TestCorpus.MORE_WEIGHTS)))
                .body("results[0].moments[0].highlight", equalTo("We rode a <mark>gondola</mark>. A slow one."));
    }

    @Test
    void caseIsNoObstacleAndTheLinkPointsAtTheLineThatSaysIt() {
        search(Map.of("q", "nvidia"))
                .body("results.episode.id", equalTo(List.of(TestCorpus.CHIPS)))
                .body("results[0].moments[0].startMs", equalTo(0))
                .body("results[0].moments[0].text", containsString("This is your daily synthesizer."))
                .body("results[0].moments[0].highlight", containsString("<mark>NVIDia</mark>"))
                .body("results[0].moments[0].matchMs", equalTo(4000))
                .body("results[0].moments[0].link", equalTo("https://media.example.org/mm/1.mp3#t=4"));
    }

    @Test
    void aPhraseCutAcrossTranscriptLinesIsFoundInOnePassage() {
        search(Map.of("q", "\"your daily synthesizer\""))
                .body("results.episode.id", equalTo(List.of(TestCorpus.CHIPS)))
                .body("results[0].moments", hasSize(1))
                .body(
                        "results[0].moments[0].highlight",
                        containsString("<mark>your</mark> <mark>daily</mark> <mark>synthesizer</mark>"))
                .body("results[0].moments[0].matchMs", equalTo(0));
    }

    @Test
    void suggestionsCompleteTitlesFromAnyOfTheirWords() {
        for (String typed : List.of("lightho", "last kee", "lighthuose")) {
            given().queryParam("q", typed)
                    .when()
                    .get("/v1/suggest")
                    .then()
                    .statusCode(200)
                    .body("q", equalTo(typed))
                    .body("suggestions.find { it.kind == 'title' }.text", equalTo("Lighthouses and the Last Keepers"))
                    .body("suggestions.find { it.kind == 'title' }.episodeId", equalTo(TestCorpus.LIGHTHOUSE));
        }
    }

    @Test
    void suggestionsNameShowsAndSpeakersOnceAndFrequentPhrases() {
        given().queryParam("q", "mach")
                .when()
                .get("/v1/suggest")
                .then()
                .statusCode(200)
                .body("suggestions.findAll { it.kind == 'show' }.text", equalTo(List.of(TestCorpus.MACHINE_MINUTES)));
        given().queryParam("q", "lima")
                .when()
                .get("/v1/suggest")
                .then()
                .statusCode(200)
                .body("suggestions.findAll { it.kind == 'speaker' }.text", equalTo(List.of("Ana Lima")));
        given().queryParam("q", "open w")
                .when()
                .get("/v1/suggest")
                .then()
                .statusCode(200)
                .body("suggestions.findAll { it.kind == 'phrase' }.text", hasItem("open weights"))
                .body("suggestions.findAll { it.kind == 'title' }.text", hasItem("Open Weights Week"));
        given().queryParam("q", "zzzzqx")
                .when()
                .get("/v1/suggest")
                .then()
                .statusCode(200)
                .body("suggestions", hasSize(0));
    }

    @Test
    void suggestLimitsAndRefusals() {
        given().queryParams(Map.of("q", "o", "size", "2"))
                .when()
                .get("/v1/suggest")
                .then()
                .statusCode(200)
                .body("suggestions", hasSize(2));
        given().when()
                .get("/v1/suggest")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("q"));
        given().queryParams(Map.of("q", "o", "size", "500"))
                .when()
                .get("/v1/suggest")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("size"));
        given().queryParam("q", "x".repeat(101))
                .when()
                .get("/v1/suggest")
                .then()
                .statusCode(400)
                .body("detail", containsString("101 characters"));
    }

    @Test
    void similarEpisodesShareTopicsAndNeverIncludeTheEpisodeItself() {
        given().when()
                .get("/v1/episodes/{id}/similar", TestCorpus.WEIGHTS)
                .then()
                .statusCode(200)
                .body("episode.id", equalTo(TestCorpus.WEIGHTS))
                .body("similar[0].id", equalTo(TestCorpus.MORE_WEIGHTS))
                .body("by", equalTo("topics"))
                .body("similar[0].topics", hasItem("open weights"))
                .body("similar.id", not(hasItem(TestCorpus.WEIGHTS)));
        given().when()
                .get("/v1/episodes/{id}/similar", "ep-nope")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("size", "0")
                .when()
                .get("/v1/episodes/{id}/similar", TestCorpus.WEIGHTS)
                .then()
                .statusCode(400)
                .body("parameter", equalTo("size"));
    }

    @Test
    void episodesCarryTheirTopics() {
        given().when()
                .get("/v1/episodes/{id}", TestCorpus.WEIGHTS)
                .then()
                .statusCode(200)
                .body("topics", hasItem("open weights"))
                .body("lines", equalTo(3));
    }
}
