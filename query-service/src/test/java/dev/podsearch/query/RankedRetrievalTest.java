package dev.podsearch.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.events.Episode;
import dev.podsearch.events.Segment;
import dev.podsearch.events.TranscriptEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ranked keyword retrieval: a search never filters to nothing what was typed. Moments with all the words come first,
 * then those with the most of them; an episode's title, notes and show count; words close together outrank the same
 * words far apart; names with dots, hyphens and digits match however they were written; overlapping moments of one
 * passage are shown once.
 */
@QuarkusTest
class RankedRetrievalTest extends CorpusTest {

    private static final String SHOW = "Ranking Show";
    private static boolean loaded;

    @BeforeEach
    void ownEpisodes() throws IOException {
        synchronized (RankedRetrievalTest.class) {
            if (!loaded) {
                TestCorpus.index(
                        client,
                        List.of(
                                episode("ep-all", "Island Notes", null, "The quokka colony thrived on the island."),
                                episode("ep-two", "Counting Day", null, "A quokka colony was counted by volunteers."),
                                episode("ep-one", "Odd Mentions", null, "Somebody mentioned a quokka once."),
                                episode(
                                        "ep-noted",
                                        "Marsupial Census",
                                        "Volunteer ferry schedules and seabird tallies.",
                                        "We counted the penguins at dawn.",
                                        "Then the rain came and everyone went home."),
                                episode(
                                        "ep-near",
                                        "Kitchen One",
                                        null,
                                        "The copper kettle whistled before anyone had woken up that morning."),
                                episode(
                                        "ep-far",
                                        "Kitchen Two",
                                        null,
                                        "It whistled all night, the wind did, through the cracks of the old shed,"
                                                + " and in the morning we found the roof of the barn and the fence"
                                                + " of the paddock in the field next door, bent like copper."),
                                episode("ep-ai-title", "AI Weekly", null, "Nothing about names here."),
                                episode(
                                        "ep-topics",
                                        "A Busy Week",
                                        null,
                                        "Today on the show: the dock workers' strike, a capybara escape at"
                                                + " the city zoo, the tax deadline, the new tram timetable and a"
                                                + " record pumpkin.",
                                        "Sounds like a busy week.",
                                        "So, the capybara escape. The capybara squeezed under the fence at"
                                                + " night, and the staff chased the capybara across the car park"
                                                + " until it sat down in a fountain.",
                                        "And the tax deadline?"),
                                episode(
                                        "ep-names",
                                        "Stack Talk",
                                        null,
                                        "We deployed the service on node.js last spring.",
                                        "Then x.ai shipped a model, and gpt-4o answered faster on an H200.")));
                TestCorpus.index(client, List.of(monologue()));
                loaded = true;
            }
        }
    }

    private static TranscriptEvent episode(String id, String title, String notes, String... lines) {
        return TestCorpus.dialogue(id, SHOW, title, notes, "2026-04-01T00:00:00Z", lines);
    }

    /**
     * One speaker for 20 short lines, two seconds each: moments of 12 lines that share a line (lines 0-11, 11-19).
     * The albatross is mentioned in line 9 (first moment only), the shared line 11, and lines 13 and 15 (second only).
     */
    private static TranscriptEvent monologue() {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String text =
                    switch (i) {
                        case 9 -> "line nine an albatross circled";
                        case 11 -> "line eleven the albatross glided";
                        case 13 -> "line thirteen another albatross landed";
                        case 15 -> "line fifteen the albatross slept";
                        default -> "line number " + i + " of the talk";
                    };
            segments.add(new Segment(i * 2000L, i * 2000L + 2000, "Narrator", text));
        }
        Episode episode =
                new Episode(SHOW, "Seabirds", null, Instant.parse("2026-04-02T00:00:00Z"), null, "en", null, List.of());
        return TranscriptEvent.upsert("ep-monologue", 1, Instant.now(), episode, segments);
    }

    private static ValidatableResponse search(String q, String... more) {
        var request = given().queryParam("q", q).queryParam("show", SHOW);
        for (int i = 0; i + 1 < more.length; i += 2) {
            request = request.queryParam(more[i], more[i + 1]);
        }
        return request.when().get("/v1/search").then().statusCode(200);
    }

    @Test
    void theMomentThatDiscussesATopicOutranksTheIntroThatListsIt() {
        // both moments have both words; the intro names the escape among five topics, the discussion is about it
        search("capybara escape", "episode", "ep-topics", "group", "moment")
                .body("results", hasSize(2))
                .body("results[0].moments[0].startMs", equalTo(16000))
                .body("results[0].moments[0].text", containsString("squeezed under the fence"))
                .body("results[1].moments[0].startMs", equalTo(0));
    }

    @Test
    void momentsWithAllTheWordsComeFirstThenThoseWithEnoughOfThem() {
        // ep-two has two of the three words (most of their weight), ep-one only "quokka": too little to be a match
        search("quokka colony island")
                .body("results.episode.id", equalTo(List.of("ep-all", "ep-two")))
                .body("results[0].moments[0].highlight", containsString("<mark>island</mark>"))
                .body("results[0].moments[0].matchedBy", equalTo("words"))
                .body("results[1].moments[0].matchedBy", equalTo("partial"));
    }

    @Test
    void aWordNoMomentHasDoesNotEmptyTheAnswerWhenTheOthersWeighEnough() {
        search("quokka colony lagoon")
                .body("results.episode.id.sort()", equalTo(List.of("ep-all", "ep-two")))
                .body("results.moments.flatten().matchedBy", everyItem(equalTo("partial")))
                .body("total", equalTo(2))
                .body("totalRelation", equalTo("eq"));
    }

    @Test
    void quotedPhrasesAndExclusionsStayStrict() {
        search("\"quokka colony\" lagoon").body("results.episode.id.sort()", equalTo(List.of("ep-all", "ep-two")));
        search("quokka -colony").body("results.episode.id", equalTo(List.of("ep-one")));
    }

    @Test
    void wordsOfTheNotesTogetherWithTheTranscriptFindTheEpisodeAndTheMomentThatSaysTheRest() {
        search("ferry schedules penguins")
                .body("results[0].episode.id", equalTo("ep-noted"))
                .body("results[0].moments", hasSize(1))
                .body("results[0].moments[0].highlight", equalTo("We counted the <mark>penguins</mark> at dawn."));
        search("ferry schedules").body("results.episode.id", equalTo(List.of("ep-noted")));
        search("marsupial penguins").body("results[0].episode.id", equalTo("ep-noted"));
    }

    @Test
    void wordsCloseTogetherOutrankTheSameWordsFarApart() {
        search("copper whistled").body("results.episode.id", equalTo(List.of("ep-near", "ep-far")));
    }

    @Test
    void namesWithDotsHyphensAndDigitsMatchHoweverTheyAreWritten() {
        for (String q : List.of("node.js", "nodejs", "node js", "x.ai", "xai", "gpt-4o", "gpt4o", "GPT 4o", "h200")) {
            search(q).body("results[0].episode.id", equalTo("ep-names"));
        }
        search("x.ai")
                .body("results[0].moments[0].highlight", containsString("<mark>x.ai</mark>"))
                // a part of the name in another episode's title ("AI Weekly") ranks nothing in
                .body("results.episode.id", equalTo(List.of("ep-names")));
    }

    @Test
    void overlappingMomentsOfOnePassageAreShownOnceWithEveryMatchMarked() {
        String text = search("albatross")
                .body("results.episode.id", equalTo(List.of("ep-monologue")))
                .body("results[0].moments", hasSize(1))
                .body("results[0].moments[0].startMs", equalTo(0))
                .body("results[0].moments[0].endMs", equalTo(40000))
                .body("results[0].moments[0].matchMs", equalTo(22000))
                .body(
                        "results[0].moments[0].highlight",
                        containsString("line nine an <mark>albatross</mark> circled line number 10 of the talk"
                                + " line eleven the <mark>albatross</mark> glided line number 12 of the talk"
                                + " line thirteen another <mark>albatross</mark> landed"))
                .extract()
                .path("results[0].moments[0].text");
        assertEquals(1, text.split("line eleven", -1).length - 1, text);
        assertTrue(text.startsWith("line number 0 of the talk") && text.endsWith("line number 19 of the talk"), text);
    }

    @Test
    void aWordNoTranscriptHasIsCorrectedVisiblyWhenTheCorrectedQueryFindsAMoment() {
        search("cplonny quokka")
                .body("results.episode.id.sort()", equalTo(List.of("ep-all", "ep-two")))
                .body("results.moments.flatten().matchedBy", everyItem(equalTo("spelling")))
                .body("correctedQuery", equalTo("colony quokka"))
                .body("suggestion.text", equalTo("colony quokka"))
                .body("suggestion.total", equalTo(2));
        search("cplonny").body("correctedQuery", equalTo("colony")).body("results", hasSize(2));
        // the corrected query as a whole finds nothing (no moment has "colony" and "penguins"): no correction
        search("cplonny penguins").body("correctedQuery", nullValue());
        search("quokka colony").body("suggestion", nullValue()).body("correctedQuery", nullValue());
    }

    @Test
    void theAnswerSaysWhichModeRanAndAnUnknownModeIsAProblemNamingTheParameter() {
        search("quokka", "mode", "keyword").body("mode", equalTo("keyword"));
        given().queryParam("q", "quokka")
                .queryParam("mode", "psychic")
                .when()
                .get("/v1/search")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("parameter", equalTo("mode"))
                .body("detail", containsString("keyword, semantic, hybrid"));
    }
}
