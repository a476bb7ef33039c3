package dev.podsearch.ingest.parse;

import java.util.regex.Pattern;

/** Cleans cue text: collapses white space; markup stays as the characters it is (it is stored as text). */
final class Text {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Text() {}

    static String normalize(String text) {
        return text == null ? "" : SPACES.matcher(text).replaceAll(" ").strip();
    }
}
