package dev.podsearch.ingest.parse;

import dev.podsearch.events.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our export format: a title line, an optional {@code Show notes} block, then a {@code Show transcript} block of
 * {@code HH:MM:SS: text} lines. Page chrome ({@code New comment}) is dropped, timestamps without text are skipped, a line
 * without a timestamp continues the previous segment, and a segment ends where the next begins.
 */
public final class SampleExportParser implements TranscriptParser {

    static final String NOTES_HEADER = "Show notes";
    static final String TRANSCRIPT_HEADER = "Show transcript";
    private static final Set<String> PAGE_CHROME = Set.of("New comment");

    /** A line that starts like a timestamp: checked strictly, so a typo is an error rather than text. */
    private static final Pattern TIMESTAMP_LIKE =
            Pattern.compile("^(\\d{1,3}:\\w{1,3}(?::\\w{1,3})?(?:[.,]\\d+)?:)(.*)$");

    private static final Pattern STRICT = Pattern.compile("^(\\d{2,3}):(\\d{2}):(\\d{2}):(.*)$");

    /** True when the text has the headers of this format. */
    public static boolean recognizes(String text) {
        return text.lines().limit(200).anyMatch(line -> line.strip().equals(TRANSCRIPT_HEADER));
    }

    @Override
    public ParsedTranscript parse(String text) {
        String[] lines = Text.lines(text);
        int index = 0;
        while (index < lines.length && lines[index].isBlank()) {
            index++;
        }
        if (index == lines.length) {
            throw new TranscriptParseException("the transcript is empty", 0);
        }
        String title = lines[index].strip();
        if (title.equals(TRANSCRIPT_HEADER) || title.equals(NOTES_HEADER)) {
            throw new TranscriptParseException("the first line must be the episode title", index + 1);
        }
        index++;
        StringBuilder notes = new StringBuilder();
        if (index < lines.length && lines[index].strip().equals(NOTES_HEADER)) {
            index++;
            while (index < lines.length && !lines[index].strip().equals(TRANSCRIPT_HEADER)) {
                if (!lines[index].isBlank()) {
                    notes.append(notes.isEmpty() ? "" : "\n").append(lines[index].strip());
                }
                index++;
            }
        }
        while (index < lines.length && lines[index].isBlank()) {
            index++;
        }
        if (index == lines.length || !lines[index].strip().equals(TRANSCRIPT_HEADER)) {
            throw new TranscriptParseException(
                    "expected a '" + TRANSCRIPT_HEADER + "' line after the title and notes",
                    Math.min(index + 1, lines.length));
        }
        List<Segment> segments = segments(lines, index + 1);
        return new ParsedTranscript(title, notes.isEmpty() ? null : notes.toString(), segments);
    }

    private static List<Segment> segments(String[] lines, int first) {
        List<Timed> timed = new ArrayList<>();
        for (int i = first; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty() || PAGE_CHROME.contains(line)) {
                continue;
            }
            if (isPlainTimestamp(line)) { // the common, well-formed line, read without regexes
                int minutes = (line.charAt(3) - '0') * 10 + (line.charAt(4) - '0');
                int seconds = (line.charAt(6) - '0') * 10 + (line.charAt(7) - '0');
                if (minutes < 60 && seconds < 60) {
                    long hours = (line.charAt(0) - '0') * 10 + (line.charAt(1) - '0');
                    timed.add(new Timed(
                            (hours * 3600 + minutes * 60L + seconds) * 1000,
                            new StringBuilder(line.substring(9)),
                            number));
                    continue;
                }
            }
            Matcher like = TIMESTAMP_LIKE.matcher(line);
            if (!like.matches()) {
                if (timed.isEmpty()) {
                    throw new TranscriptParseException(
                            "expected a line starting with a timestamp HH:MM:SS:, found '" + abbreviate(line) + "'",
                            number);
                }
                timed.getLast().text().append(' ').append(line);
                continue;
            }
            Matcher strict = STRICT.matcher(line);
            if (!strict.matches()) {
                throw new TranscriptParseException(
                        "malformed timestamp '" + like.group(1) + "': expected HH:MM:SS", number);
            }
            int minutes = Integer.parseInt(strict.group(2));
            int seconds = Integer.parseInt(strict.group(3));
            if (minutes > 59 || seconds > 59) {
                throw new TranscriptParseException(
                        "malformed timestamp '" + like.group(1) + "': minutes and seconds must be below 60", number);
            }
            long start = (Long.parseLong(strict.group(1)) * 3600 + minutes * 60L + seconds) * 1000;
            timed.add(new Timed(start, new StringBuilder(strict.group(4)), number));
        }
        Timeline timeline = new Timeline();
        for (Timed entry : timed) {
            timeline.add(entry.start(), null, null, entry.text().toString(), entry.line());
        }
        return timeline.segments(lines.length);
    }

    /** {@code HH:MM:SS:} at the start, all digits where digits belong. */
    private static boolean isPlainTimestamp(String line) {
        if (line.length() < 9 || line.charAt(2) != ':' || line.charAt(5) != ':' || line.charAt(8) != ':') {
            return false;
        }
        for (int i : new int[] {0, 1, 3, 4, 6, 7}) {
            if (line.charAt(i) < '0' || line.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A timed line being read; lines without a timestamp extend its text. */
    private record Timed(long start, StringBuilder text, int line) {}

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
