package dev.podsearch.ingest.parse;

import java.util.Locale;
import java.util.regex.Pattern;

/** Decides the format: a forced one, else the content type, else what the content looks like. */
public final class FormatDetector {

    private static final Pattern SRT_TIMING =
            Pattern.compile("^\\s*\\d{1,3}:\\d{2}:\\d{2},\\d{1,3}\\s*-->\\s*\\d{1,3}:\\d{2}:\\d{2},\\d{1,3}.*$");

    /** A document that opens with a doctype, {@code <html>} or one of the HTML transcript's elements. */
    private static final Pattern HTML_START =
            Pattern.compile("<(?:!doctype\\s+html|html|head|body|cite|time|p)[\\s>]", Pattern.CASE_INSENSITIVE);

    private FormatDetector() {}

    /**
     * @param contentType the media type of the upload (without parameters), may be null
     * @param text the decoded content
     */
    public static TranscriptFormat detect(String contentType, String text) {
        String type =
                contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
        switch (type) {
            case "text/vtt":
                return TranscriptFormat.WEBVTT;
            case "application/x-subrip", "application/srt", "text/srt":
                return TranscriptFormat.SRT;
            case "application/json", "application/transcript+json":
                return TranscriptFormat.PODCASTING_JSON;
            case "text/html", "application/xhtml+xml":
                return TranscriptFormat.HTML;
            default:
                return sniff(text);
        }
    }

    static TranscriptFormat sniff(String text) {
        String start = text.stripLeading();
        if (start.startsWith("WEBVTT")) {
            return TranscriptFormat.WEBVTT;
        }
        if (start.startsWith("{")) {
            return TranscriptFormat.PODCASTING_JSON;
        }
        if (HTML_START.matcher(start).lookingAt()) {
            return TranscriptFormat.HTML;
        }
        if (SampleExportParser.recognizes(text)) {
            return TranscriptFormat.SAMPLE_EXPORT;
        }
        if (start.lines().limit(5).anyMatch(line -> SRT_TIMING.matcher(line).matches())) {
            return TranscriptFormat.SRT;
        }
        return TranscriptFormat.PLAIN_TEXT;
    }
}
