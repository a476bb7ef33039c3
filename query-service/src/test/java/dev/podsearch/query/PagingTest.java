package dev.podsearch.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podsearch.events.Episode;
import dev.podsearch.events.Segment;
import dev.podsearch.events.TranscriptEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deep paging with an opaque cursor, stable while new episodes arrive. */
@QuarkusTest
class PagingTest extends CorpusTest {

    private static final int EPISODES = 7;
    private static boolean loaded;

    @BeforeEach
    void ownEpisodes() throws IOException {
        synchronized (PagingTest.class) {
            if (!loaded) {
                List<TranscriptEvent> events = new ArrayList<>();
                for (int i = 0; i < EPISODES; i++) {
                    events.add(zebra("ep-zebra-" + i, "zebra crossing number " + i, "okapi"));
                }
                TestCorpus.index(client, events);
                loaded = true;
            }
        }
    }

    private static TranscriptEvent zebra(String id, String... lines) {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            segments.add(new Segment(i * 60_000L, i * 60_000L + 5000, "Host", lines[i]));
        }
        Episode episode = new Episode(
                "Paging Show",
                "Stripes " + id,
                null,
                Instant.parse("2026-02-01T00:00:00Z"),
                null,
                "en",
                null,
                List.of());
        return TranscriptEvent.upsert(id, 1, Instant.now(), episode, segments);
    }

    private static JsonPath page(Map<String, Object> params) {
        return given().queryParams(params)
                .when()
                .get("/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void episodesPageThroughEveryResultOnceEvenWhenNewOnesArrive() throws IOException {
        Map<String, Object> params = new HashMap<>(Map.of("q", "zebra", "size", "3"));
        JsonPath first = page(params);
        assertEquals(EPISODES, first.getInt("total"));
        Set<String> seen = new LinkedHashSet<>(first.getList("results.episode.id"));
        String cursor = first.getString("nextCursor");
        // a new episode arrives while the user pages: it must not shift or join the pages being read
        TestCorpus.index(client, List.of(zebra("ep-zebra-late", "zebra latecomer")));
        int pages = 1;
        while (cursor != null) {
            params.put("cursor", cursor);
            JsonPath next = page(params);
            List<String> ids = next.getList("results.episode.id");
            for (String id : ids) {
                assertEquals(true, seen.add(id), "episode " + id + " came twice");
            }
            cursor = next.getString("nextCursor");
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(EPISODES, seen.size());
        // a new search sees the newcomer
        assertEquals(EPISODES + 1, page(Map.of("q", "zebra", "size", "3")).getInt("total"));
    }

    @Test
    void momentsPageBySortValuesWithoutRepeats() {
        Map<String, Object> params = new HashMap<>(Map.of("q", "okapi OR zebra", "group", "moment", "size", "4"));
        Set<String> seen = new LinkedHashSet<>();
        String cursor = null;
        do {
            if (cursor != null) {
                params.put("cursor", cursor);
            }
            JsonPath page = page(params);
            List<Map<String, Object>> results = page.getList("results");
            for (int i = 0; i < results.size(); i++) {
                String key = page.getString("results[" + i + "].episode.id") + "@"
                        + page.getString("results[" + i + "].moments[0].startMs");
                assertEquals(true, seen.add(key), key + " came twice");
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        // each zebra episode has its crossing line and its okapi line, a minute apart: two moments each
        assertEquals(true, seen.size() >= EPISODES * 2, "all moments seen: " + seen);
    }

    @Test
    void theLastPageHasNoCursor() {
        given().queryParams(Map.of("q", "zebra", "size", "50"))
                .when()
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("nextCursor", nullValue());
        given().queryParams(Map.of("q", "zebra", "size", "1"))
                .when()
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("results", hasSize(1))
                .body("nextCursor", notNullValue());
    }

    @Test
    void aCursorIsRefusedWhenDamagedOrUsedForAnotherSearch() {
        String cursor = page(Map.of("q", "zebra", "size", "2")).getString("nextCursor");
        given().queryParams(Map.of("q", "zebra", "size", "2", "cursor", "not-a-cursor"))
                .when()
                .get("/v1/search")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("cursor"))
                .body("detail", containsString("start again without it"));
        given().queryParams(Map.of("q", "okapi", "size", "2", "cursor", cursor))
                .when()
                .get("/v1/search")
                .then()
                .statusCode(400)
                .body("parameter", equalTo("cursor"))
                .body("detail", containsString("different search"));
        // a cursor that decodes to null, and a real one with its offset made negative: 400s naming cursor, not 500s
        String forged = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(java.util.Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                        .replaceFirst("\"from\":\\d+", "\"from\":-5")
                        .getBytes(StandardCharsets.UTF_8));
        for (String damaged : List.of("bnVsbA", forged)) {
            given().queryParams(Map.of("q", "zebra", "size", "2", "cursor", damaged))
                    .when()
                    .get("/v1/search")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://podsearch.dev/problems/invalid-parameter"))
                    .body("parameter", equalTo("cursor"))
                    .body("detail", containsString("is not one this service issued"));
        }
        // the page size may change between pages
        given().queryParams(Map.of("q", "zebra", "size", "3", "cursor", cursor))
                .when()
                .get("/v1/search")
                .then()
                .statusCode(200)
                .body("results", hasSize(3));
    }
}
