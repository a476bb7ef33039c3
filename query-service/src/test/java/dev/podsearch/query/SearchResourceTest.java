package dev.podsearch.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SearchResourceTest extends CorpusTest {

    @Test
    void findsTheEpisodeAndTheMomentWithItsTimestamp() {
        given().queryParam("q", "loudest thing")
                .when()
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("results", hasSize(1))
                .body("results[0].episode.id", equalTo(TestCorpus.LIGHTHOUSE))
                .body("results[0].episode.title", equalTo("Lighthouses and the Last Keepers"))
                .body("results[0].episode.show", equalTo("Coastal Hours"))
                .body("results[0].moments", hasSize(1))
                .body("results[0].moments[0].startMs", equalTo(19000))
                .body("results[0].moments[0].start", equalTo("00:00:19"))
                .body(
                        "results[0].moments[0].text",
                        equalTo("She says the fog horn is the loudest thing she has ever loved."))
                .body("results[0].moments[0].highlight", containsString("<mark>loudest thing</mark>"))
                .body("results[0].moments[0].link", equalTo("https://media.example.org/coastal/1.mp3#t=19"))
                .header(
                        "Server-Timing",
                        org.hamcrest.Matchers.matchesPattern("engine;dur=[0-9.]+, service;dur=[0-9.]+"));
    }

    @Test
    void groupsMomentsByEpisodeBestFirstOrInTimeOrder() {
        // "The horn of a passing ship answered through the fog." (27 s) says fog once in fewer words than 19 s's line
        given().queryParam("q", "fog")
                .when()
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("totalRelation", equalTo("eq"))
                .body(
                        "results.find { it.episode.id == 'ep-lighthouse' }.moments.startMs",
                        equalTo(java.util.List.of(27000, 19000)))
                .body(
                        "results.find { it.episode.id == 'ep-lighthouse' }.moments.matchedBy",
                        equalTo(java.util.List.of("words", "words")));
        given().queryParam("q", "fog")
                .queryParam("momentOrder", "time")
                .when()
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body(
                        "results.find { it.episode.id == 'ep-lighthouse' }.moments.startMs",
                        equalTo(java.util.List.of(19000, 27000)));
    }

    @Test
    void anExactPhraseOutranksScatteredWords() {
        given().queryParam("q", "fog horn")
                .when()
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("results[0].episode.id", equalTo(TestCorpus.LIGHTHOUSE))
                .body("results[0].moments[0].startMs", equalTo(19000));
    }

    @Test
    void stemsWords() {
        given().queryParam("q", "climbing stair")
                .when()
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("results[0].moments[0].startMs", equalTo(11000));
    }

    @Test
    void filtersByShow() {
        given().queryParam("q", "fog")
                .queryParam("show", "Kitchen Talk")
                .when()
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("results.episode.show", everyItem(equalTo("Kitchen Talk")))
                .body("results", hasSize(2));
    }

    @Test
    void anUnrelatedPhraseFindsNothing() {
        given().queryParam("q", "quantum chromodynamics")
                .when()
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("total", equalTo(0))
                .body("results", empty());
    }

    @Test
    void markupInTranscriptsComesBackEscaped() {
        given().queryParam("q", "typed transcript")
                .when()
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("results[0].episode.id", equalTo(TestCorpus.HOSTILE))
                .body("results[0].moments[0].highlight", containsString("&lt;script&gt;"))
                .body("results[0].moments[0].highlight", not(containsString("<script>")))
                .body("results[0].moments[0].link", equalTo("/v1/episodes/ep-hostile/moments?at=0&context=2"));
    }

    @Test
    void hostileQueriesNeverFail() {
        for (String q :
                new String[] {"\"unbalanced", "fog)(", "{\"query\":{}}", "a:b OR [c TO d]", "<script>", "fog\\/*?~^"}) {
            given().queryParam("q", q).when().get("/v1/search").then().statusCode(200);
        }
        // nothing searchable left: a clear problem, not an empty answer and never a 500
        given().queryParam("q", "\\/*?~^")
                .when()
                .get("/v1/search")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("q"));
    }

    @Test
    void rejectsAMissingQueryNamingTheParameter() {
        given().when()
                .get("/v1/search")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("q"))
                .body("detail", containsString("q is required"));
    }

    @Test
    void rejectsSizesOutOfRange() {
        for (String size : new String[] {"0", "51", "ten"}) {
            given().queryParam("q", "fog")
                    .queryParam("size", size)
                    .when()
                    .get("/v1/search")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("parameter", equalTo("size"));
        }
    }

    @Test
    void rejectsAVeryLongQuery() {
        given().queryParam("q", "fog ".repeat(200))
                .when()
                .get("/v1/search")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("q"));
    }

    @Test
    void unknownPathsAreProblemsWithoutInternals() {
        given().when()
                .get("/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
    }
}
