package dev.podsearch.query.episode;

import dev.podsearch.search.EpisodeDocuments.TranscriptLine;
import dev.podsearch.support.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An episode's transcript in the formats people and players use. */
final class TranscriptFormats {

    private TranscriptFormats() {}

    /** Podcasting 2.0 JSON: {@code {version, segments[{speaker, startTime, endTime, body}]}}, times in seconds. */
    static Map<String, Object> podcastingJson(List<TranscriptLine> moments) {
        List<Map<String, Object>> segments = new ArrayList<>(moments.size());
        for (TranscriptLine m : moments) {
            Map<String, Object> segment = new LinkedHashMap<>();
            if (m.speaker() != null) {
                segment.put("speaker", m.speaker());
            }
            if (m.startMs() != null) {
                segment.put("startTime", m.startMs() / 1000.0);
            }
            if (m.endMs() != null) {
                segment.put("endTime", m.endMs() / 1000.0);
            }
            segment.put("body", m.text());
            segments.add(segment);
        }
        Map<String, Object> transcript = new LinkedHashMap<>();
        transcript.put("version", "1.0.0");
        transcript.put("segments", segments);
        return transcript;
    }

    static String webVtt(List<TranscriptLine> moments) {
        requireTimes(moments, "vtt");
        StringBuilder out = new StringBuilder("WEBVTT\n");
        for (TranscriptLine m : moments) {
            out.append('\n')
                    .append(time(m.startMs(), '.'))
                    .append(" --> ")
                    .append(time(end(m), '.'))
                    .append('\n');
            if (m.speaker() != null) {
                out.append("<v ").append(escapeVtt(m.speaker())).append('>');
            }
            out.append(escapeVtt(m.text())).append('\n');
        }
        return out.toString();
    }

    static String srt(List<TranscriptLine> moments) {
        requireTimes(moments, "srt");
        StringBuilder out = new StringBuilder();
        int number = 1;
        for (TranscriptLine m : moments) {
            out.append(number++)
                    .append('\n')
                    .append(time(m.startMs(), ','))
                    .append(" --> ")
                    .append(time(end(m), ','))
                    .append('\n');
            if (m.speaker() != null) {
                out.append(m.speaker()).append(": ");
            }
            out.append(m.text().replace("\n", " ")).append("\n\n");
        }
        return out.toString();
    }

    /** One line per moment: {@code [HH:MM:SS] Speaker: text}. */
    static String text(List<TranscriptLine> moments) {
        StringBuilder out = new StringBuilder();
        for (TranscriptLine m : moments) {
            if (m.startMs() != null) {
                out.append('[').append(time(m.startMs(), '.'), 0, 8).append("] ");
            }
            if (m.speaker() != null) {
                out.append(m.speaker()).append(": ");
            }
            out.append(m.text()).append('\n');
        }
        return out.toString();
    }

    private static long end(TranscriptLine m) {
        return m.endMs() != null ? m.endMs() : m.startMs() + 5000;
    }

    private static void requireTimes(List<TranscriptLine> moments, String format) {
        if (moments.stream().anyMatch(m -> m.startMs() == null)) {
            throw new ProblemException(
                    422,
                    "transcript-without-times",
                    "Transcript has no times",
                    "this episode's transcript has no timestamps, so it cannot be given as " + format
                            + "; ask for format=json or format=txt",
                    Map.of("parameter", "format"));
        }
    }

    static String time(long millis, char separator) {
        long seconds = millis / 1000;
        return String.format(
                "%02d:%02d:%02d%c%03d", seconds / 3600, (seconds / 60) % 60, seconds % 60, separator, millis % 1000);
    }

    private static String escapeVtt(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\n", " ");
    }
}
