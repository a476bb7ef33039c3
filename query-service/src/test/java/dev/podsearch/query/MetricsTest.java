package dev.podsearch.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.testing.management.ManagementPort;
import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /q/metrics}: the search metrics count what the answers said, by the mode that ran. */
@QuarkusTest
class MetricsTest extends CorpusTest {

    private static String metrics() {
        return ManagementPort.given()
                .accept("text/plain")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .extract()
                .asString();
    }

    /** The value of the first sample of {@code name} whose labels contain {@code label}, 0 when there is none. */
    private static double sample(String text, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} ([0-9.eE+-]+)$")
                .matcher(text);
        while (m.find()) {
            if (m.group(1).contains(label)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    @Test
    void searchesAreTimedAndCountedByModeAndThoseThatFindNothingAreCounted() {
        String before = metrics();
        double searches = sample(before, "podsearch_query_search_seconds_count", "mode=\"keyword\"");
        double zero = sample(before, "podsearch_query_search_zero_results_total", "mode=\"keyword\"");
        double results = sample(before, "podsearch_query_search_results_sum", "mode=\"keyword\"");

        int found = given().queryParam("q", "lighthouse")
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("mode", equalTo("keyword"))
                .extract()
                .path("results.size()");
        given().queryParam("q", "zzyzxqwv")
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("results.size()", equalTo(0));

        String after = metrics();
        assertTrue(found > 0, "the corpus has lighthouse episodes");
        assertEquals(searches + 2, sample(after, "podsearch_query_search_seconds_count", "mode=\"keyword\""));
        assertEquals(zero + 1, sample(after, "podsearch_query_search_zero_results_total", "mode=\"keyword\""));
        assertEquals(results + found, sample(after, "podsearch_query_search_results_sum", "mode=\"keyword\""));
        assertTrue(sample(after, "podsearch_query_engine_seconds_count", "mode=\"keyword\"") >= 2);
        // the standard HTTP server metrics are there too
        assertTrue(after.contains("http_server_requests_seconds_count{"), "HTTP server metrics");
    }

    @Test
    void everyMeterOfItsOwnIsOneQueryFactsDeclares() {
        given().queryParam("q", "lighthouse").get("/v1/search").then().statusCode(200);
        Matcher sample = Pattern.compile("(?m)^(podsearch_\\w+)[{ ]").matcher(metrics());
        int seen = 0;
        while (sample.find()) {
            String name = sample.group(1);
            seen++;
            assertTrue(
                    QueryFacts.DECLARED.meters().stream()
                            .anyMatch(meter -> name.matches(Pattern.quote(meter.replace('.', '_'))
                                    + "(_seconds)?(_total|_count|_sum|_max|_bucket)?")),
                    name + " is served on /q/metrics but QueryFacts does not declare it");
        }
        assertTrue(seen > 0, "a search leaves podsearch_query_* samples");
    }
}
