package dev.podsearch.ingest.parse;

import dev.podsearch.events.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects timed lines in order, refusing start times that go backwards, and closes each open-ended line where the
 * next begins.
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

    List<Segment> segments(int lastLine) {
        if (segments.isEmpty()) {
            throw new TranscriptParseException("the transcript has no timed lines", lastLine);
        }
        List<Segment> closed = new ArrayList<>(segments.size());
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            Long end = s.endMs() != null
                    ? s.endMs()
                    : i + 1 < segments.size() ? segments.get(i + 1).startMs() : null;
            closed.add(new Segment(s.startMs(), end, s.speaker(), s.text()));
        }
        return closed;
    }
}
