package dev.podsearch.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cue timestamps: {@code [HH:]MM:SS.mmm} (WebVTT) or {@code HH:MM:SS,mmm} (SRT). */
final class Timecode {

    private static final Pattern TIME = Pattern.compile("^(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{2})[.,](\\d{1,3})$");

    private Timecode() {}

    static long parse(String value, int line) {
        Matcher m = TIME.matcher(value.strip());
        if (!m.matches()) {
            throw new TranscriptParseException(
                    "malformed timestamp '" + value.strip() + "': expected HH:MM:SS.mmm", line);
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        int minutes = Integer.parseInt(m.group(2));
        int seconds = Integer.parseInt(m.group(3));
        if (minutes > 59 || seconds > 59) {
            throw new TranscriptParseException(
                    "malformed timestamp '" + value.strip() + "': minutes and seconds must be below 60", line);
        }
        String fraction = (m.group(4) + "00").substring(0, 3);
        return ((hours * 60 + minutes) * 60 + seconds) * 1000 + Integer.parseInt(fraction);
    }

    static String format(long millis) {
        long seconds = millis / 1000;
        return String.format("%02d:%02d:%02d.%03d", seconds / 3600, (seconds / 60) % 60, seconds % 60, millis % 1000);
    }
}
