package dev.podsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.events.Episode;
import dev.podsearch.events.Segment;
import dev.podsearch.events.TranscriptEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodeDocumentsTest {

    private static final Instant ADDED = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void shortLinesOfOneSpeakerBecomeOnePassage() {
        List<Segment> lines = List.of(
                line(0, 1000, null, "This is your"),
                line(1000, 2000, null, "daily synthesizer."),
                line(2000, 19000, null, "Sunday, we've got a packed show today"));
        EpisodeDocuments documents = EpisodeDocuments.of(event(lines), ADDED);
        assertEquals(1, documents.moments().size());
        MomentDocument moment = documents.moments().getFirst();
        assertEquals("This is your daily synthesizer. Sunday, we've got a packed show today", moment.text());
        assertEquals(0L, moment.startMs());
        assertEquals(19000L, moment.endMs());
        assertEquals(3, moment.lines().size());
        assertEquals(ADDED, moment.addedAt());
    }

    @Test
    void aMomentsTextNeverHoldsTheHighlightMarkers() {
        List<Segment> lines = List.of(line(0, 1000, null, "private \uE000use\uE001 characters"));
        MomentDocument moment =
                EpisodeDocuments.of(event(lines), ADDED).moments().getFirst();
        assertEquals("private \uFFFDuse\uFFFD characters", moment.text());
        assertEquals(moment.text().length(), moment.lines().getFirst().chars()); // one character for one
        assertEquals("plain text", MomentDocument.withoutMarkers("plain text"));
    }

    @Test
    void longRunsAreCutByTimeAndConsecutivePassagesShareALine() {
        List<Segment> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(line(i * 10_000L, i * 10_000L + 10_000, "Ann", "line " + i));
        }
        List<MomentWindows.Window> windows = MomentWindows.of(lines);
        // 30 s per passage: three lines each, the last line of one is the first of the next
        assertEquals(
                List.of(
                        new MomentWindows.Window(0, 3),
                        new MomentWindows.Window(2, 5),
                        new MomentWindows.Window(4, 7),
                        new MomentWindows.Window(6, 9),
                        new MomentWindows.Window(8, 10)),
                windows);
    }

    @Test
    void aSpeakerChangeAlwaysStartsANewPassageWithoutOverlap() {
        List<Segment> lines = List.of(
                line(0, 1000, "Ann", "Did you see"),
                line(1000, 2000, "Ann", "the filing news?"),
                line(2000, 3000, "Bob", "Oh I saw it."),
                line(3000, 4000, "Ann", "Three thousand transactions."));
        assertEquals(
                List.of(new MomentWindows.Window(0, 2), new MomentWindows.Window(2, 3), new MomentWindows.Window(3, 4)),
                MomentWindows.of(lines));
        EpisodeDocuments documents = EpisodeDocuments.of(event(lines), ADDED);
        assertEquals(
                List.of("Ann", "Bob", "Ann"),
                documents.moments().stream().map(MomentDocument::speaker).toList());
        assertEquals(List.of("Ann", "Bob"), documents.episode().speakers());
    }

    @Test
    void wordAndLineLimitsCutPassagesWithoutTimes() {
        List<Segment> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add(new Segment(null, null, null, "one two three four five six seven eight nine ten"));
        }
        for (MomentWindows.Window window : MomentWindows.of(lines)) {
            assertTrue(window.to() - window.from() <= 8, "80 words at most: " + window);
        }
    }

    @Test
    void theTranscriptComesBackFromOverlappingMomentsLineForLine() {
        List<Segment> lines = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            lines.add(line(i * 7000L, i * 7000L + 7000, i % 7 == 6 ? "Bob" : "Ann", "line number " + i));
        }
        EpisodeDocuments documents = EpisodeDocuments.of(event(lines), ADDED);
        assertTrue(documents.moments().size() > 5);
        List<EpisodeDocuments.TranscriptLine> back = EpisodeDocuments.lines(documents.moments());
        assertEquals(25, back.size());
        for (int i = 0; i < 25; i++) {
            assertEquals(i, back.get(i).number());
            assertEquals(lines.get(i).text(), back.get(i).text());
            assertEquals(lines.get(i).speaker(), back.get(i).speaker());
            assertEquals(lines.get(i).startMs(), back.get(i).startMs());
        }
        assertEquals(25, documents.episode().lines());
        assertEquals(documents.moments().size(), documents.episode().moments());
    }

    @Test
    void topicsAreTheFrequentPhrasesAndWordsWithoutFillers() {
        Topics.Found topics = Topics.of(List.of(
                "We talked about the fog horn again.",
                "The fog horn is loud, and the fog horn is old.",
                "Yeah, I mean, the keeper loves the fog horn.",
                "Keepers and lighthouses."));
        assertEquals("fog horn", topics.phrases().getFirst().text());
        assertEquals(4, topics.phrases().getFirst().count());
        assertTrue(topics.words().stream().noneMatch(w -> Topics.FILLERS.contains(w.text())));
        assertTrue(topics.all().contains("keeper"));
    }

    @Test
    void suggestionsCoverEveryWordThatStartsSomething() {
        assertEquals(
                List.of("Lighthouses and the Last Keepers", "Last Keepers", "Keepers"),
                EpisodeDocuments.suffixes("Lighthouses and the Last Keepers", 10).stream()
                        .map(EpisodeDocument.Completion::input)
                        .toList());
    }

    private static Segment line(long start, long end, String speaker, String text) {
        return new Segment(start, end, speaker, text);
    }

    private static TranscriptEvent event(List<Segment> lines) {
        Episode episode = new Episode(
                "Daily", "An episode", null, Instant.parse("2026-05-17T00:00:00Z"), null, "en", null, List.of());
        return TranscriptEvent.upsert("ep-1", 1, Instant.now(), episode, lines);
    }
}
