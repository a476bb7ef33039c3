package dev.podsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.events.Segment;
import dev.podsearch.ingest.parse.ParsedTranscript;
import dev.podsearch.ingest.parse.SampleExportParser;
import dev.podsearch.ingest.parse.TranscriptParseException;
import dev.podsearch.ingest.parse.TranscriptText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SampleExportParserTest {

    static String fixture(String name) {
        try (InputStream in = SampleExportParserTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final SampleExportParser parser = new SampleExportParser();

    @Test
    void readsTitleNotesAndTimedLines() {
        ParsedTranscript parsed = parser.parse(fixture("harbour-episode.txt"));

        assertEquals("Lighthouses and the Last Keepers", parsed.title());
        assertTrue(parsed.notes().startsWith("We visit the final staffed lighthouse"));
        assertEquals(8, parsed.segments().size());
        assertEquals(
                new Segment(0L, 4000L, null, "Welcome back to Coastal Hours."),
                parsed.segments().getFirst());
    }

    @Test
    void aSegmentEndsWhereTheNextBeginsAndTheLastLastsAsLongAsItsWordsTakeToSay() {
        ParsedTranscript parsed = parser.parse(fixture("harbour-episode.txt"));

        assertEquals(11_000L, parsed.segments().get(1).endMs());
        assertEquals(62_000L, parsed.segments().getLast().startMs());
        // "Thanks for listening to Coastal Hours.": six words at 400 ms
        assertEquals(64_400L, parsed.segments().getLast().endMs());
    }

    @Test
    void skipsEmptyTimestampsJoinsContinuationLinesAndDropsPageChrome() {
        ParsedTranscript parsed = parser.parse(fixture("harbour-episode.txt"));

        Segment wrapped = parsed.segments().get(4);
        assertEquals(30_000L, wrapped.startMs());
        assertEquals(
                "The automation contract arrives next spring, and after that the lamp will be switched from a control room inland.",
                wrapped.text());
        assertEquals(
                "Thanks for listening to Coastal Hours.",
                parsed.segments().getLast().text());
    }

    @Test
    void rejectsMalformedTimestampWithItsLine() {
        TranscriptParseException error =
                assertThrows(TranscriptParseException.class, () -> parser.parse(fixture("malformed-timestamp.txt")));

        assertEquals(7, error.line());
        assertTrue(error.getMessage().contains("malformed timestamp"), error.getMessage());
    }

    @Test
    void rejectsTimestampsThatGoBackwards() {
        TranscriptParseException error =
                assertThrows(TranscriptParseException.class, () -> parser.parse(fixture("backwards.txt")));

        assertEquals(4, error.line());
        assertTrue(error.getMessage().contains("backwards"));
    }

    @Test
    void rejectsMinutesAboveFiftyNine() {
        TranscriptParseException error = assertThrows(
                TranscriptParseException.class, () -> parser.parse("T\nShow transcript\n00:61:00: late\n"));

        assertEquals(3, error.line());
    }

    @Test
    void rejectsATranscriptWithoutTimedLines() {
        TranscriptParseException error = assertThrows(
                TranscriptParseException.class, () -> parser.parse("Title\nShow transcript\nNew comment\n"));

        assertTrue(error.getMessage().contains("no timed lines"));
    }

    @Test
    void refusesBinaryAndInvalidUtf8() {
        assertThrows(TranscriptParseException.class, () -> TranscriptText.decode(new byte[0]));
        TranscriptParseException nul =
                assertThrows(TranscriptParseException.class, () -> TranscriptText.decode("a\nb\0c".getBytes()));
        assertEquals(2, nul.line());
        TranscriptParseException utf8 = assertThrows(
                TranscriptParseException.class, () -> TranscriptText.decode(new byte[] {'o', 'k', '\n', (byte) 0xC3}));
        assertEquals(2, utf8.line());
    }
}
