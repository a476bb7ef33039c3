package dev.podsearch.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The formatting tags of caption formats (WebVTT {@code <v>}, {@code <c>}, {@code <i>}; SRT {@code <font>}, ...). */
final class CueMarkup {

    private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]+)*\\s+([^>]+)>");
    private static final Pattern TAG = Pattern.compile(
            "</?(?:v|c|i|b|u|lang|ruby|rt|font|span)(?:[.\\s][^>]*)?>|<\\d{1,2}:\\d{2}(?::\\d{2})?\\.\\d{3}>|\\{\\\\[^}]*}",
            Pattern.CASE_INSENSITIVE);

    private CueMarkup() {}

    /** The first WebVTT voice ({@code <v Name>}) of a cue, or null. */
    static String voice(String cue) {
        Matcher m = VOICE.matcher(cue);
        return m.find() ? m.group(1).strip() : null;
    }

    /** The cue text without formatting tags, with the character references of the format resolved. */
    static String strip(String cue) {
        String text = TAG.matcher(cue).replaceAll("");
        return text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&nbsp;", " ")
                .replace("&lrm;", "")
                .replace("&rlm;", "")
                .replace("&amp;", "&");
    }
}
