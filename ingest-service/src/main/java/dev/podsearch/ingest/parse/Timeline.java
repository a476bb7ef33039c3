package dev.podsearch.ingest.parse;

import dev.podsearch.events.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects timed lines in order, refusing start times that go backwards, and closes each open-ended line where the
 * next begins; the last, with no next, gets the time its words take to say.
 */
final class Timeline {

    private final List<Segment> segments = new ArrayList<>();
    private long lastStart = -1;

    /** @param line the 1-based line the time was read from, for the error */
    void add(long startMs, Long endMs, String speaker, String text, int line) {
        if (startMs < lastStart) {
            throw new TranscriptParseException(
                    "timestamps go backwards: " + Timecode.format(startMs) + " comes after "
                            + Timecode.format(lastStart),
                    line);
        }
        if (endMs != null && endMs < startMs) {
            throw new TranscriptParseException(
                    "the cue ends (" + Timecode.format(endMs) + ") before it starts (" + Timecode.format(startMs) + ")",
                    line);
        }
        lastStart = startMs;
        String clean = Text.normalize(text);
        if (clean.isEmpty()) {
            return;
        }
        segments.add(new Segment(startMs, endMs, speaker == null || speaker.isBlank() ? null : speaker.strip(), clean));
    }

    /** Speech runs at about 150 words a minute: 400 ms a word, and at least a second for a line. */
    static final long MS_PER_WORD = 400;

    static final long MIN_LINE_MS = 1000;

    /** How long saying this text takes, estimated from its words. */
    static long spoken(String text) {
        long words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        return Math.max(MIN_LINE_MS, words * MS_PER_WORD);
    }

    List<Segment> segments(int lastLine) {
        if (segments.isEmpty()) {
            throw new TranscriptParseException("the transcript has no timed lines", lastLine);
        }
        List<Segment> closed = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            Long end = s.endMs() != null
                    ? s.endMs()
                    : i + 1 < segments.size() ? segments.get(i + 1).startMs() : s.startMs() + spoken(s.text());
            closed.add(new Segment(s.startMs(), end, s.speaker(), s.text()));
        }
        return closed;
    }
}
