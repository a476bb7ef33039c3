package dev.podsearch.ingest.parse;

import java.util.regex.Pattern;

/** Cleans cue text: collapses white space; markup stays as the characters it is (it is stored as text). */
final class Text {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Text() {}

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (Character.isWhitespace(c)
                    && (c != ' ' || (i + 1 < stripped.length() && Character.isWhitespace(stripped.charAt(i + 1))))) {
                return SPACES.matcher(stripped).replaceAll(" "); // only text that needs it pays for the regex
            }
        }
        return stripped;
    }
}
