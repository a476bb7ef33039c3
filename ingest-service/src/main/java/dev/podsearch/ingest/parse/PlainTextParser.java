package dev.podsearch.ingest.parse;

import dev.podsearch.events.Segment;
import java.util.ArrayList;
import java.util.List;

/** Plain text without timestamps: one segment per paragraph (paragraphs are separated by blank lines), no times. */
public final class PlainTextParser implements TranscriptParser {

    @Override
    public ParsedTranscript parse(String text) {
        List<Segment> segments = new ArrayList<>();
        for (String paragraph : text.split("\\r?\\n\\s*\\r?\\n")) {
            String clean = Text.normalize(paragraph);
            if (!clean.isEmpty()) {
                segments.add(new Segment(null, null, null, clean));
            }
        }
        if (segments.isEmpty()) {
            throw new TranscriptParseException("the transcript is empty", 0);
        }
        return new ParsedTranscript(null, null, segments);
    }
}
