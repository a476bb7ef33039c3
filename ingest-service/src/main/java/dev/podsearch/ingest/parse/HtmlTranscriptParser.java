package dev.podsearch.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The Podcasting 2.0 HTML transcript ({@code text/html}): {@code <cite>} names the speaker (until the next one),
 * {@code <time>} the start of the {@code <p>} that follows it. Read with jsoup, as a browser would read it (unclosed
 * tags, entities), with the source line of each element for the errors.
 */
public final class HtmlTranscriptParser implements TranscriptParser {

    /** {@code M:SS}, {@code H:MM:SS}, each with an optional {@code .mmm} (or {@code ,mmm}). */
    private static final Pattern TIME = Pattern.compile("^(?:(\\d{1,3}):)?(\\d{1,3}):(\\d{2})(?:[.,](\\d{1,3}))?$");

    @Override
    public ParsedTranscript parse(String text) {
        Document document = Parser.htmlParser().setTrackPosition(true).parseInput(text, "");
        Timeline timeline = new Timeline();
        String speaker = null;
        Long start = null;
        int timeLine = 0;
        for (Element element : document.select("cite, time, p")) {
            int line = line(element);
            switch (element.normalName()) {
                case "cite" -> speaker = speaker(element.text());
                case "time" -> {
                    if (start != null) {
                        throw new TranscriptParseException(
                                "the <time> on line " + timeLine + " has no <p> after it before this one", line);
                    }
                    start = time(element, line);
                    timeLine = line;
                }
                default -> {
                    if (start == null) {
                        throw new TranscriptParseException(
                                "a <p> without a <time> before it: '" + WebVttParser.abbreviate(element.text()) + "'",
                                line);
                    }
                    timeline.add(start, null, speaker, element.text(), timeLine);
                    start = null;
                }
            }
        }
        if (start != null) {
            throw new TranscriptParseException("the <time> has no <p> after it", timeLine);
        }
        return new ParsedTranscript(title(document), null, timeline.segments(lastLine(text)));
    }

    private static long time(Element element, int line) {
        String value =
                element.hasAttr("datetime") && element.text().isBlank() ? element.attr("datetime") : element.text();
        Matcher m = TIME.matcher(value.strip());
        if (!m.matches()) {
            throw new TranscriptParseException(
                    "malformed time '" + WebVttParser.abbreviate(value) + "': expected M:SS or H:MM:SS", line);
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long minutes = Long.parseLong(m.group(2));
        int seconds = Integer.parseInt(m.group(3));
        if (seconds > 59 || (m.group(1) != null && minutes > 59)) {
            throw new TranscriptParseException(
                    "malformed time '" + value.strip() + "': minutes and seconds must be below 60", line);
        }
        int millis = m.group(4) == null ? 0 : Integer.parseInt((m.group(4) + "00").substring(0, 3));
        return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
    }

    /** "Kevin:" names Kevin; an empty cite names no one. */
    private static String speaker(String cite) {
        String name = Text.normalize(cite);
        if (name.endsWith(":")) {
            name = name.substring(0, name.length() - 1).strip();
        }
        return name.isEmpty() ? null : name;
    }

    private static String title(Document document) {
        String title = Text.normalize(document.title());
        return title.isEmpty() ? null : title;
    }

    private static int line(Element element) {
        return element.sourceRange().isTracked() ? element.sourceRange().start().lineNumber() : 0;
    }

    private static int lastLine(String text) {
        return (int) text.lines().count();
    }
}
