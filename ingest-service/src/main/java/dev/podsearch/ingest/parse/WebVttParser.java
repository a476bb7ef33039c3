package dev.podsearch.ingest.parse;

/** WebVTT: cues of {@code start --> end} and text; the speaker comes from {@code <v Name>}. */
public final class WebVttParser implements TranscriptParser {

    @Override
    public ParsedTranscript parse(String text) {
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        if (!lines[0].startsWith("WEBVTT")) {
            throw new TranscriptParseException("a WebVTT file starts with the line 'WEBVTT'", 1);
        }
        int i = 1;
        while (i < lines.length && !lines[i].isBlank()) {
            i++; // header block
        }
        Timeline timeline = new Timeline();
        while (i < lines.length) {
            while (i < lines.length && lines[i].isBlank()) {
                i++;
            }
            if (i >= lines.length) {
                break;
            }
            int blockStart = i;
            int end = i;
            while (end < lines.length && !lines[end].isBlank()) {
                end++;
            }
            String first = lines[blockStart].strip();
            if (first.startsWith("NOTE") || first.equals("STYLE") || first.equals("REGION")) {
                i = end;
                continue;
            }
            int timing = first.contains("-->") ? blockStart : blockStart + 1;
            if (timing >= end || !lines[timing].contains("-->")) {
                throw new TranscriptParseException(
                        "expected a cue timing line 'start --> end', found '"
                                + abbreviate(lines[Math.min(timing, end - 1)]) + "'",
                        Math.min(timing, end - 1) + 1);
            }
            String[] times = lines[timing].split("-->", 2);
            long start = Timecode.parse(times[0], timing + 1);
            String endField = times[1].strip().split("\\s+", 2)[0];
            long stop = Timecode.parse(endField, timing + 1);
            StringBuilder cue = new StringBuilder();
            for (int k = timing + 1; k < end; k++) {
                cue.append(cue.isEmpty() ? "" : " ").append(lines[k]);
            }
            timeline.add(start, stop, CueMarkup.voice(cue.toString()), CueMarkup.strip(cue.toString()), timing + 1);
            i = end;
        }
        return new ParsedTranscript(null, null, timeline.segments(lines.length));
    }

    static String abbreviate(String line) {
        String stripped = line.strip();
        return stripped.length() <= 60 ? stripped : stripped.substring(0, 57) + "...";
    }
}
