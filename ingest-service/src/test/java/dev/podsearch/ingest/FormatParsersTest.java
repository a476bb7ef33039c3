package dev.podsearch.ingest;

import static dev.podsearch.ingest.SampleExportParserTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.events.Segment;
import dev.podsearch.ingest.parse.FormatDetector;
import dev.podsearch.ingest.parse.HtmlTranscriptParser;
import dev.podsearch.ingest.parse.ParsedTranscript;
import dev.podsearch.ingest.parse.PlainTextParser;
import dev.podsearch.ingest.parse.PodcastingJsonParser;
import dev.podsearch.ingest.parse.SrtParser;
import dev.podsearch.ingest.parse.TranscriptFormat;
import dev.podsearch.ingest.parse.TranscriptParseException;
import dev.podsearch.ingest.parse.WebVttParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatParsersTest {

    @Test
    void webVttTakesSpeakersFromVoiceTagsAndDropsFormatting() {
        ParsedTranscript parsed = new WebVttParser().parse(fixture("keepers.vtt"));

        assertEquals(
                List.of(
                        new Segment(0L, 4000L, "Marta", "Welcome back to Coastal Hours."),
                        new Segment(
                                4000L, 11500L, "Host", "Today we stand at the foot of the Skerry Point lighthouse."),
                        new Segment(
                                11500L,
                                19000L,
                                null,
                                "The keeper has climbed these stairs & more for thirty one years.")),
                parsed.segments());
    }

    @Test
    void webVttRejectsABlockWithoutTiming() {
        String vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nfine\n\njust text\nwithout timing\n";

        TranscriptParseException error =
                assertThrows(TranscriptParseException.class, () -> new WebVttParser().parse(vtt));

        assertEquals(7, error.line());
        assertTrue(error.getMessage().contains("expected a cue timing line"));
    }

    @Test
    void webVttNeedsItsHeader() {
        TranscriptParseException error =
                assertThrows(TranscriptParseException.class, () -> new WebVttParser().parse("00:00:01.000 --> x\n"));
        assertEquals(1, error.line());
    }

    @Test
    void srtTakesSpeakersFromANamePrefix() {
        ParsedTranscript parsed = new SrtParser().parse(fixture("keepers.srt"));

        assertEquals(3, parsed.segments().size());
        assertEquals(
                new Segment(0L, 4000L, "Marta", "Welcome back to Coastal Hours."),
                parsed.segments().get(0));
        assertEquals(
                new Segment(4000L, 11500L, "Host", "Today we stand at the foot of the Skerry Point lighthouse."),
                parsed.segments().get(1));
        assertNull(parsed.segments().get(2).speaker());
    }

    @Test
    void srtRejectsMalformedAndDecreasingTimestamps() {
        TranscriptParseException malformed = assertThrows(
                TranscriptParseException.class, () -> new SrtParser().parse("1\n00:00:01,000 --> 00:0a:02,000\nhi\n"));
        assertEquals(2, malformed.line());
        assertTrue(malformed.getMessage().contains("malformed timestamp '00:0a:02,000'"));

        TranscriptParseException backwards = assertThrows(TranscriptParseException.class, () -> new SrtParser()
                .parse("1\n00:00:05,000 --> 00:00:06,000\na\n\n2\n00:00:01,000 --> 00:00:02,000\nb\n"));
        assertEquals(6, backwards.line());
        assertTrue(backwards.getMessage().contains("backwards"));
    }

    @Test
    void podcastingJsonMergesWordLevelSegmentsIntoLines() {
        ParsedTranscript parsed = new PodcastingJsonParser().parse(fixture("keepers.json"));

        assertEquals(
                List.of(
                        new Segment(0L, 2600L, "Marta", "Welcome back to Coastal Hours."),
                        new Segment(4000L, 6100L, "Host", "Today we stand here."),
                        new Segment(
                                11500L, 19000L, "Host", "The keeper has climbed these stairs for thirty one years.")),
                parsed.segments());
    }

    @Test
    void podcastingJsonErrorsNameTheLine() {
        String missingStart =
                "{\n\"version\": \"1.0.0\",\n\"segments\": [\n{\"body\": \"hi\", \"startTime\": 1},\n{\"body\": \"no time\"}\n]}";
        TranscriptParseException error =
                assertThrows(TranscriptParseException.class, () -> new PodcastingJsonParser().parse(missingStart));
        assertEquals(5, error.line());
        assertTrue(error.getMessage().contains("segment 1 needs 'startTime'"));

        TranscriptParseException syntax = assertThrows(
                TranscriptParseException.class, () -> new PodcastingJsonParser().parse("{\n\"segments\": [\n{,}]}"));
        assertEquals(3, syntax.line());
        assertTrue(syntax.getMessage().startsWith("invalid JSON"));

        assertThrows(
                TranscriptParseException.class, () -> new PodcastingJsonParser().parse("{\"version\": \"1.0.0\"}"));
        assertThrows(TranscriptParseException.class, () -> new PodcastingJsonParser()
                .parse("{\"segments\": [{\"body\": \"x\", \"startTime\": \"soon\"}]}"));
    }

    @Test
    void htmlTakesSpeakersFromCiteAndStartsFromTime() {
        ParsedTranscript parsed = new HtmlTranscriptParser().parse(fixture("keepers.html"));

        assertEquals("Keepers of the Light", parsed.title());
        assertEquals(
                List.of(
                        new Segment(0L, 4000L, "Marta", "Welcome back to Coastal Hours."),
                        new Segment(
                                4000L, 11500L, "Host", "Today we stand at the foot of the Skerry Point lighthouse."),
                        // an empty <cite> names no one; the last line lasts as long as its 12 words take to say
                        new Segment(
                                11500L,
                                16300L,
                                null,
                                "The keeper has climbed these stairs & more for thirty one years.")),
                parsed.segments());
    }

    @Test
    void htmlKeepsTheSpeakerUntilTheNextCiteAndReadsHours() {
        String html = "<cite>Ana</cite>\n<time>1:02:03</time><p>one</p>\n<time>1:02:04,250</time><p>two</p>";

        List<Segment> segments = new HtmlTranscriptParser().parse(html).segments();

        assertEquals(new Segment(3_723_000L, 3_724_250L, "Ana", "one"), segments.get(0));
        assertEquals("Ana", segments.get(1).speaker());
    }

    @Test
    void htmlErrorsNameTheLine() {
        HtmlTranscriptParser parser = new HtmlTranscriptParser();

        TranscriptParseException malformed = assertThrows(
                TranscriptParseException.class,
                () -> parser.parse("<time>0:01</time>\n<p>a</p>\n<time>0:6x</time>\n<p>b</p>\n"));
        assertEquals(3, malformed.line());
        assertEquals("malformed time '0:6x': expected M:SS or H:MM:SS", malformed.getMessage());

        TranscriptParseException untimed = assertThrows(
                TranscriptParseException.class,
                () -> parser.parse("<time>0:01</time>\n<p>a</p>\n\n<p>no time for me</p>\n"));
        assertEquals(4, untimed.line());
        assertEquals("a <p> without a <time> before it: 'no time for me'", untimed.getMessage());

        TranscriptParseException backwards = assertThrows(
                TranscriptParseException.class,
                () -> parser.parse("<time>0:05</time><p>a</p>\n<time>0:01</time>\n<p>b</p>"));
        assertEquals(2, backwards.line());
        assertTrue(backwards.getMessage().startsWith("timestamps go backwards"));

        TranscriptParseException seconds =
                assertThrows(TranscriptParseException.class, () -> parser.parse("<time>1:00:75</time><p>a</p>"));
        assertEquals(1, seconds.line());
        assertTrue(seconds.getMessage().contains("below 60"));

        TranscriptParseException empty = assertThrows(
                TranscriptParseException.class, () -> parser.parse("<html><body>\n<h1>Nothing</h1>\n</body></html>"));
        assertEquals("the transcript has no timed lines", empty.getMessage());
    }

    @Test
    void plainTextMakesOneSegmentPerParagraphWithoutTimes() {
        ParsedTranscript parsed = new PlainTextParser().parse(fixture("keepers-plain.txt"));

        assertEquals(3, parsed.segments().size());
        assertEquals(
                "Welcome back to Coastal Hours. Today we stand at the foot of the Skerry Point lighthouse.",
                parsed.segments().getFirst().text());
        assertNull(parsed.segments().getFirst().startMs());
    }

    @Test
    void detectsTheFormatFromTheContentTypeThenTheContent() {
        assertEquals(TranscriptFormat.WEBVTT, FormatDetector.detect("text/vtt", "anything"));
        assertEquals(TranscriptFormat.SRT, FormatDetector.detect("application/x-subrip", "anything"));
        assertEquals(TranscriptFormat.PODCASTING_JSON, FormatDetector.detect("application/json", "anything"));
        assertEquals(TranscriptFormat.HTML, FormatDetector.detect("text/html", "anything"));
        assertEquals(TranscriptFormat.HTML, FormatDetector.detect("text/plain", fixture("keepers.html")));
        assertEquals(TranscriptFormat.HTML, FormatDetector.detect(null, "<cite>A:</cite><time>0:01</time><p>x</p>"));
        assertEquals(TranscriptFormat.WEBVTT, FormatDetector.detect("text/plain", fixture("keepers.vtt")));
        assertEquals(TranscriptFormat.SRT, FormatDetector.detect("text/plain", fixture("keepers.srt")));
        assertEquals(TranscriptFormat.PODCASTING_JSON, FormatDetector.detect(null, fixture("keepers.json")));
        assertEquals(
                TranscriptFormat.SAMPLE_EXPORT, FormatDetector.detect("text/plain", fixture("harbour-episode.txt")));
        assertEquals(
                TranscriptFormat.PLAIN_TEXT,
                FormatDetector.detect("application/octet-stream", fixture("keepers-plain.txt")));
    }
}
