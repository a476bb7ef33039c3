package dev.podsearch.search;

import dev.podsearch.events.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a transcript into moments. Speech-recognition transcripts break lines at pauses, often mid-sentence ("This is
 * your" / "daily synthesizer."), so one line is too small a unit to find a phrase in, and a whole episode too large to
 * point at. A moment is a run of consecutive lines of one speaker, closed when it would exceed {@value #MAX_SPAN_MS} ms,
 * {@value #MAX_WORDS} words or {@value #MAX_LINES} lines. Consecutive moments of the same speaker share one line, so a
 * phrase said across the cut between two lines still lies whole in one moment. A speaker change always starts a new
 * moment: nothing is said across speakers, and a speaker filter stays exact.
 */
public final class MomentWindows {

    public static final long MAX_SPAN_MS = 30_000;
    public static final int MAX_WORDS = 80;
    public static final int MAX_LINES = 12;

    /** A window over lines {@code from} (inclusive) to {@code to} (exclusive). */
    public record Window(int from, int to) {}

    private MomentWindows() {}

    public static List<Window> of(List<Segment> lines) {
        List<Window> windows = new ArrayList<>();
        int n = lines.size();
        int start = 0;
        while (start < n) {
            int end = start;
            int words = 0;
            while (end < n) {
                Segment line = lines.get(end);
                int lineWords = words(line.text());
                if (end > start
                        && (!Objects.equals(line.speaker(), lines.get(start).speaker())
                                || end - start >= MAX_LINES
                                || words + lineWords > MAX_WORDS
                                || span(lines.get(start), line) > MAX_SPAN_MS)) {
                    break;
                }
                words += lineWords;
                end++;
            }
            windows.add(new Window(start, end));
            boolean sameSpeakerGoesOn = end < n
                    && Objects.equals(
                            lines.get(end).speaker(), lines.get(end - 1).speaker());
            start = end - start > 1 && sameSpeakerGoesOn ? end - 1 : end;
        }
        return windows;
    }

    private static long span(Segment first, Segment last) {
        Long end = last.endMs() != null ? last.endMs() : last.startMs();
        if (first.startMs() == null || end == null) {
            return 0;
        }
        return end - first.startMs();
    }

    static int words(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
