package dev.podsearch.query.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the engine's marked answers back against the stored text. */
class HighlightsTest {

    private static final String P = Highlights.PRE;
    private static final String Q = Highlights.POST;

    private static String marked(String text, List<String> answers) {
        return Highlights.render(text, Highlights.ranges(text, answers));
    }

    @Test
    void aWholeTextHighlightWithoutItsMarkersIsTheText() {
        assertEquals("the fog horn", Highlights.unmarked("the " + P + "fog" + Q + " horn"));
        assertEquals("no match here", Highlights.unmarked("no match here"));
    }

    @Test
    void marksWhatOneFieldMatched() {
        assertEquals(
                "the <mark>fog</mark> horn <mark>fog</mark>",
                marked("the fog horn fog", List.of("the " + P + "fog" + Q + " horn " + P + "fog" + Q)));
    }

    @Test
    void unitesTheFieldsAndMergesTouchingRanges() {
        String text = "deep seek and open source";
        assertEquals(
                "<mark>deep seek</mark> and <mark>open source</mark>",
                marked(
                        text,
                        List.of(
                                P + "deep" + Q + " seek and open source",
                                P + "deep seek" + Q + " and " + P + "open" + Q + " source",
                                "deep seek and open" + P + " source" + Q)));
    }

    @Test
    void ignoresAnAnswerThatDoesNotLineUpWithTheText() {
        assertEquals(
                "fog <mark>horn</mark>",
                marked("fog horn", List.of(P + "fig" + Q + " horn", "fog " + P + "horn" + Q, P + "fog" + Q)));
    }

    @Test
    void escapesTheTextAndKeepsItsOwnMarkerCharacters() {
        String text = "<b>" + P + "x</b> & y";
        assertEquals(
                "&lt;b&gt;" + P + "x&lt;/b&gt; &amp; <mark>y</mark>",
                marked(text, List.of("<b>" + P + "x</b> & " + P + "y" + Q)));
    }

    @Test
    void anUnclosedMarkRunsToTheEndAndAnEmptyOneMarksNothing() {
        assertEquals("a <mark>b c</mark>", marked("a b c", List.of("a " + P + "b c")));
        assertEquals("a b", marked("a b", List.of("a " + P + Q + "b")));
    }
}
