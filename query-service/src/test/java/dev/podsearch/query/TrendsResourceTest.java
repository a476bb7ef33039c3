package dev.podsearch.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import dev.podsearch.events.Episode;
import dev.podsearch.events.Segment;
import dev.podsearch.events.TranscriptEvent;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrendsResourceTest extends CorpusTest {

    @Test
    void countsMentionsPerMonthIncludingTheEmptyMonthsBetween() {
        given().queryParam("q", "fog")
                .get("/v1/trends")
                .then()
                .statusCode(200)
                .body("interval", equalTo("month"))
                .body("buckets", hasSize(15)) // March 2025 to May 2026
                .body("buckets[0].start", equalTo("2025-03-01"))
                .body("buckets[0].count", equalTo(1))
                .body("buckets[0].shows.show", equalTo(List.of("Kitchen Talk")))
                .body("buckets[1].count", equalTo(0))
                .body("buckets[14].start", equalTo("2026-05-01"))
                .body("buckets[14].count", equalTo(3))
                .body("buckets[14].shows.show", equalTo(List.of("Coastal Hours", "Kitchen Talk")))
                .body("buckets[14].shows.count", equalTo(List.of(2, 1)));
    }

    @Test
    void narrowsToAShowAndADay() {
        given().queryParam("q", "fog")
                .queryParam("interval", "day")
                .queryParam("show", "Coastal Hours")
                .get("/v1/trends")
                .then()
                .statusCode(200)
                .body("buckets.start", equalTo(List.of("2026-05-17")))
                .body("buckets[0].count", equalTo(2));
    }

    @Test
    void speakersAreAlternativesAndNarrowTheCounts() {
        // "fog" is said by Baker (March 2025), and by Host in May 2026 twice (once in each show) and by Host (guest)
        given().queryParam("q", "fog")
                .queryParam("speaker", "Baker")
                .get("/v1/trends")
                .then()
                .statusCode(200)
                .body("buckets.start", equalTo(List.of("2025-03-01")))
                .body("buckets[0].count", equalTo(1))
                .body("buckets[0].shows.show", equalTo(List.of("Kitchen Talk")));
        given().queryParam("q", "fog")
                .queryParam("speaker", "Baker", "Host")
                .get("/v1/trends")
                .then()
                .statusCode(200)
                .body("buckets", hasSize(15))
                .body("buckets[0].count", equalTo(1))
                .body("buckets[14].count", equalTo(2))
                .body("buckets[14].shows.show", equalTo(List.of("Coastal Hours", "Kitchen Talk")))
                .body("buckets[14].shows.count", equalTo(List.of(1, 1)));
    }

    @Test
    void languagesNarrowTheCountsAndEveryFilterApplies() {
        given().queryParam("q", "fog")
                .queryParam("lang", "en")
                .get("/v1/trends")
                .then()
                .statusCode(200)
                .body("buckets.start", equalTo(List.of("2026-05-01")))
                .body("buckets[0].count", equalTo(3));
        given().queryParam("q", "fog")
                .queryParam("lang", "fr", "en")
                .get("/v1/trends")
                .then()
                .statusCode(200)
                .body("buckets", hasSize(15))
                .body("buckets.count.sum()", equalTo(4));
        // different filters all apply: nobody speaks French as Host
        given().queryParam("q", "fog")
                .queryParam("lang", "fr")
                .queryParam("speaker", "Host")
                .get("/v1/trends")
                .then()
                .statusCode(200)
                .body("buckets", hasSize(0));
    }

    @Test
    void thePublishedRangeNarrowsTheCountsAsSearchDoes() {
        given().queryParam("q", "fog")
                .queryParam("publishedAfter", "2026-01-01")
                .get("/v1/trends")
                .then()
                .statusCode(200)
                .body("buckets.start", equalTo(List.of("2026-05-01")))
                .body("buckets[0].count", equalTo(3));
        given().queryParam("q", "fog")
                .queryParam("publishedBefore", "2026-01-01")
                .get("/v1/trends")
                .then()
                .statusCode(200)
                .body("buckets.start", equalTo(List.of("2025-03-01")))
                .body("buckets[0].count", equalTo(1));
        // after inclusive, before exclusive: the day of the lighthouse episode alone
        given().queryParam("q", "fog")
                .queryParam("interval", "day")
                .queryParam("publishedAfter", "2026-05-17")
                .queryParam("publishedBefore", "2026-05-18")
                .get("/v1/trends")
                .then()
                .statusCode(200)
                .body("buckets.start", equalTo(List.of("2026-05-17")))
                .body("buckets[0].shows.show", equalTo(List.of("Coastal Hours")));
    }

    @Test
    void rejectsFiltersAsSearchDoesNamingTheParameter() {
        for (String[] bad : new String[][] {
            {"lang", "english!", "lang 'english!' is not a language tag such as en or pt-BR"},
            {"speaker", "x".repeat(201), "speaker has a value of 201 characters; the limit is 200"},
            {"publishedAfter", "yesterday", "publishedAfter 'yesterday' is not an ISO-8601 date"},
        }) {
            given().queryParam("q", "fog")
                    .queryParam(bad[0], bad[1])
                    .get("/v1/trends")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("parameter", equalTo(bad[0]))
                    .body("detail", startsWith(bad[2]));
        }
        given().queryParam("q", "fog")
                .queryParam("publishedAfter", "2026-02-01")
                .queryParam("publishedBefore", "2026-01-01")
                .get("/v1/trends")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("publishedBefore"));
    }

    @Test
    void aChartOfMoreThanAThousandIntervalsIsRefusedNamingTheIntervalsThatFit() throws IOException {
        TestCorpus.index(
                client,
                List.of(
                        dated("ep-trend-1900", "1900-01-01T00:00:00Z"),
                        dated("ep-trend-2026", "2026-05-17T00:00:00Z")));
        given().queryParam("q", "phonograph")
                .queryParam("interval", "day")
                .get("/v1/trends")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://podsearch.dev/problems/invalid-parameter"))
                .body("parameter", equalTo("interval"))
                .body(
                        "detail",
                        equalTo("interval=day would chart 46158 intervals (the matches were published from 1900-01-01"
                                + " to 2026-05-17); the limit is 1000: use interval=year, or narrow the dates"
                                + " (publishedAfter, publishedBefore) or the other filters"));
        given().queryParam("q", "phonograph")
                .queryParam("interval", "year")
                .get("/v1/trends")
                .then()
                .statusCode(200)
                .body("buckets", hasSize(127))
                .body("buckets[0].start", equalTo("1900-01-01"))
                .body("buckets[0].count", equalTo(1));
    }

    private static TranscriptEvent dated(String id, String publishedAt) {
        Episode episode =
                new Episode("Archive Hour", "Wax " + id, null, Instant.parse(publishedAt), null, "en", null, List.of());
        return TranscriptEvent.upsert(
                id, 1, Instant.now(), episode, List.of(new Segment(0L, 5000L, "Host", "the phonograph spins")));
    }

    @Test
    void rejectsAnUnknownIntervalAndAMissingQuery() {
        given().queryParam("q", "fog")
                .queryParam("interval", "decade")
                .get("/v1/trends")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("interval"));
        given().get("/v1/trends").then().statusCode(400).body("parameter", equalTo("q"));
    }
}
