package dev.podsearch.ingest;

import static dev.podsearch.ingest.SampleExportParserTest.fixture;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Random and mutated uploads through the HTTP endpoint: every answer is an acceptance or a problem, never a 500. */
@QuarkusTest
class UploadFuzzTest {

    private static final List<String> TYPES =
            List.of("text/plain", "application/octet-stream", "text/vtt", "application/x-subrip", "application/json");
    private static final List<String> SEEDS = List.of(
            fixture("harbour-episode.txt"), fixture("keepers.vtt"), fixture("keepers.srt"), fixture("keepers.json"));

    @Test
    void noUploadProducesAServerError() {
        Random random = new Random(42);
        for (int round = 0; round < 150; round++) {
            byte[] body = SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8);
            int flips = 1 + random.nextInt(8);
            for (int f = 0; f < flips; f++) {
                body[random.nextInt(body.length)] = (byte) random.nextInt(256);
            }
            String type = TYPES.get(random.nextInt(TYPES.size()));
            Response response = given().contentType(type)
                    .queryParam("title", "Fuzz " + round)
                    .queryParam("show", "Fuzz")
                    .body(body)
                    .when()
                    .post("/v1/transcripts");
            int status = response.statusCode();
            assertTrue(
                    Set.of(202, 400, 422).contains(status),
                    "round " + round + " (" + type + ") answered " + status + ": " + response.asString());
            if (status != 202) {
                assertTrue(response.contentType().startsWith("application/problem+json"));
            }
        }
    }
}
