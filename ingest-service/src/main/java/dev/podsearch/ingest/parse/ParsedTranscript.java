package dev.podsearch.ingest.parse;

import dev.podsearch.events.Segment;
import java.util.List;

/** What a parser found in a file: the title and notes it carries, if any, and the timed segments. */
public record ParsedTranscript(String title, String notes, List<Segment> segments) {

    public ParsedTranscript {
        segments = List.copyOf(segments);
    }
}
