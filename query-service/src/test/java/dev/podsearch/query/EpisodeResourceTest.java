package dev.podsearch.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EpisodeResourceTest extends CorpusTest {

    @Test
    void showsAnEpisodeWithAnETagThatRevalidates() {
        String etag = given().get("/v1/episodes/{id}", TestCorpus.LIGHTHOUSE)
                .then()
                .statusCode(200)
                .body("title", equalTo("Lighthouses and the Last Keepers"))
                .body("show", equalTo("Coastal Hours"))
                .body("moments", equalTo(4))
                .body("audioUrl", equalTo("https://media.example.org/coastal/1.mp3"))
                .extract()
                .header("ETag");

        given().header("If-None-Match", etag)
                .get("/v1/episodes/{id}", TestCorpus.LIGHTHOUSE)
                .then()
                .statusCode(304);
        given().header("If-None-Match", "\"something-else\"")
                .get("/v1/episodes/{id}", TestCorpus.LIGHTHOUSE)
                .then()
                .statusCode(200);
    }

    @Test
    void anUnknownEpisodeIsNotFound() {
        given().get("/v1/episodes/{id}", "no-such-episode")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no episode with id 'no-such-episode'"));
        given().get("/v1/episodes/{id}/transcript", "no-such-episode").then().statusCode(404);
    }

    @Test
    void givesTheTranscriptAsPodcastingJson() {
        given().get("/v1/episodes/{id}/transcript", TestCorpus.LIGHTHOUSE)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("version", equalTo("1.0.0"))
                .body("segments", hasSize(4))
                .body("segments[2].startTime", equalTo(19.0f))
                .body("segments[2].endTime", equalTo(27.0f))
                .body("segments[2].speaker", equalTo("Host"))
                .body("segments[2].body", equalTo("She says the fog horn is the loudest thing she has ever loved."));
    }

    @Test
    void givesTheTranscriptAsWebVttSrtAndText() {
        String vtt = given().queryParam("format", "vtt")
                .get("/v1/episodes/{id}/transcript", TestCorpus.HOSTILE)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/vtt"))
                .extract()
                .asString();
        assertEquals(
                "WEBVTT\n\n00:00:00.000 --> 00:00:08.000\n<v Host>Someone typed &lt;script&gt;alert('fog')&lt;/script&gt; into the transcript.\n",
                vtt);

        String srt = given().queryParam("format", "srt")
                .get("/v1/episodes/{id}/transcript", TestCorpus.LIGHTHOUSE)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(
                List.of("1", "00:00:03,000 --> 00:00:11,000", "Host: Welcome back to Coastal Hours.", ""),
                srt.lines().limit(4).toList());

        given().queryParam("format", "txt")
                .get("/v1/episodes/{id}/transcript", TestCorpus.LIGHTHOUSE)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("[00:00:19] Host: She says the fog horn"));
    }

    @Test
    void transcriptsCarryAnETagPerFormat() {
        String json = given().get("/v1/episodes/{id}/transcript", TestCorpus.BAKERY)
                .then()
                .extract()
                .header("ETag");
        String vtt = given().queryParam("format", "vtt")
                .get("/v1/episodes/{id}/transcript", TestCorpus.BAKERY)
                .then()
                .extract()
                .header("ETag");

        assertEquals(false, json.equals(vtt));
        given().header("If-None-Match", vtt)
                .queryParam("format", "vtt")
                .get("/v1/episodes/{id}/transcript", TestCorpus.BAKERY)
                .then()
                .statusCode(304);
    }

    @Test
    void anUnknownFormatIsABadParameter() {
        given().queryParam("format", "docx")
                .get("/v1/episodes/{id}/transcript", TestCorpus.LIGHTHOUSE)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("format"));
    }

    @Test
    void givesTheMomentAtATimeWithItsNeighbours() {
        given().queryParam("at", 20_000)
                .queryParam("context", 1)
                .get("/v1/episodes/{id}/moments", TestCorpus.LIGHTHOUSE)
                .then()
                .statusCode(200)
                .body("episode.id", equalTo(TestCorpus.LIGHTHOUSE))
                .body("at", equalTo(20000))
                .body("current", equalTo(1))
                .body("moments.startMs", equalTo(List.of(11000, 19000, 27000)))
                .body("moments[1].start", equalTo("00:00:19"))
                .body("moments[1].link", equalTo("https://media.example.org/coastal/1.mp3#t=19"));
    }

    @Test
    void theMomentsLinkOfAnEpisodeWithoutAudioResolves() {
        String link = given().queryParam("q", "typed transcript")
                .get("/v1/search")
                .then()
                .extract()
                .path("results[0].moments[0].link");

        given().get(link)
                .then()
                .statusCode(200)
                .body("moments[0].highlight", containsString("&lt;script&gt;"))
                .body("moments[0].highlight", not(containsString("<script>")));
    }

    @Test
    void rejectsBadMomentParameters() {
        given().get("/v1/episodes/{id}/moments", TestCorpus.LIGHTHOUSE)
                .then()
                .statusCode(400)
                .body("parameter", equalTo("at"));
        given().queryParam("at", 1000)
                .queryParam("context", 99)
                .get("/v1/episodes/{id}/moments", TestCorpus.LIGHTHOUSE)
                .then()
                .statusCode(400)
                .body("parameter", equalTo("context"));
        given().queryParam("at", "-5")
                .get("/v1/episodes/{id}/moments", TestCorpus.LIGHTHOUSE)
                .then()
                .statusCode(400)
                .body("parameter", equalTo("at"));
    }
}
