package dev.podsearch.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SubRip: numbered blocks of {@code start --> end} and text; the speaker comes from a {@code Name:} prefix. */
public final class SrtParser implements TranscriptParser {

    /** A short name (up to four words) followed by a colon, at the start of the text. */
    private static final Pattern SPEAKER =
            Pattern.compile("^([\\p{L}][\\p{L}\\p{N}.'\\-]*(?: [\\p{L}\\p{N}.'\\-]+){0,3}):\\s+(.+)$");

    @Override
    public ParsedTranscript parse(String text) {
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        Timeline timeline = new Timeline();
        int i = 0;
        while (i < lines.length) {
            while (i < lines.length && lines[i].isBlank()) {
                i++;
            }
            if (i >= lines.length) {
                break;
            }
            int end = i;
            while (end < lines.length && !lines[end].isBlank()) {
                end++;
            }
            int timing = lines[i].contains("-->") ? i : i + 1;
            if (timing == i + 1 && !lines[i].strip().matches("\\d+")) {
                throw new TranscriptParseException(
                        "expected a subtitle number, found '" + WebVttParser.abbreviate(lines[i]) + "'", i + 1);
            }
            if (timing >= end || !lines[timing].contains("-->")) {
                throw new TranscriptParseException(
                        "expected a timing line 'HH:MM:SS,mmm --> HH:MM:SS,mmm' after subtitle " + lines[i].strip(),
                        Math.min(timing, end - 1) + 1);
            }
            String[] times = lines[timing].split("-->", 2);
            long start = Timecode.parse(times[0], timing + 1);
            long stop = Timecode.parse(times[1].strip().split("\\s+", 2)[0], timing + 1);
            StringBuilder cue = new StringBuilder();
            for (int k = timing + 1; k < end; k++) {
                cue.append(cue.isEmpty() ? "" : " ").append(lines[k].strip());
            }
            String body = Text.normalize(CueMarkup.strip(cue.toString()));
            String speaker = null;
            Matcher named = SPEAKER.matcher(body);
            if (named.matches()) {
                speaker = named.group(1);
                body = named.group(2);
            }
            timeline.add(start, stop, speaker, body, timing + 1);
            i = end;
        }
        return new ParsedTranscript(null, null, timeline.segments(lines.length));
    }
}
