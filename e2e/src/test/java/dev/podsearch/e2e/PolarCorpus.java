package dev.podsearch.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Three episodes the browser tests of filters and keys search for ("narwhal"), uploaded once per run as Podcasting 2.0
 * JSON so that their lines name speakers: two shows, three languages, four speakers, February to May 2023.
 *
 * <pre>
 * Narwhal Season        Polar Notes  en  2023-02-10  Ines Berg and Tom Reyes say it (two moments)
 * Tusks Under the Floe  Ice Radio    fr  2023-03-15  Luc Martin says it
 * Spring Melt           Polar Notes  de  2023-05-20  Ines Berg says it
 * </pre>
 */
final class PolarCorpus {

    static final String WORD = "narwhal";

    record Ids(String season, String tusks, String melt) {}

    private static Ids ids;

    private PolarCorpus() {}

    /** The episodes' ids, uploaded and indexed on the first call. */
    static synchronized Ids ensure() {
        if (ids == null) {
            Ids uploaded = new Ids(
                    upload(
                            "Narwhal Season",
                            "Polar Notes",
                            "en",
                            "2023-02-10",
                            List.of(
                                    List.of("Ines Berg", "The narwhal surfaces near the floating ice."),
                                    List.of("Tom Reyes", "A narwhal tusk can grow three metres long."),
                                    List.of("Ines Berg", "Thanks for listening to the season opener."))),
                    upload(
                            "Tusks Under the Floe",
                            "Ice Radio",
                            "fr",
                            "2023-03-15",
                            List.of(List.of("Luc Martin", "Le narwhal chante sous la banquise."))),
                    upload(
                            "Spring Melt",
                            "Polar Notes",
                            "de",
                            "2023-05-20",
                            List.of(List.of("Ines Berg", "Im Fjord taucht ein narwhal auf."))));
            String ingest = PodsearchSystem.get().ingest().url();
            for (String id : List.of(uploaded.season(), uploaded.tusks(), uploaded.melt())) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(ingest)
                        .get("/v1/transcripts/{id}", id)
                        .then()
                        .body("status", equalTo("INDEXED")));
            }
            ids = uploaded;
        }
        return ids;
    }

    /** Each line ten seconds long, spoken by the speaker it names. */
    private static String upload(
            String title, String show, String language, String published, List<List<String>> lines) {
        List<Map<String, Object>> segments = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            segments.add(Map.of(
                    "speaker",
                    lines.get(i).get(0),
                    "startTime",
                    i * 10.0,
                    "endTime",
                    i * 10.0 + 10,
                    "body",
                    lines.get(i).get(1)));
        }
        return given().baseUri(PodsearchSystem.get().ingest().url())
                .contentType("application/json")
                .queryParam("title", title)
                .queryParam("show", show)
                .queryParam("language", language)
                .queryParam("publishedAt", published)
                .body(Map.of("version", "1.0.0", "segments", segments))
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }
}
