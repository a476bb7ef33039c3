package dev.podsearch.query.search;

import dev.podsearch.search.MomentDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Highlights merged across fields. A moment's text is searched through three fields (stemmed, exact and joined
 * words), and each highlights only what was matched on it, so the engine returns the whole text once per field with
 * private-use marker characters around matches. Here the marked ranges are read back against the original text,
 * united, and rendered once: the text HTML-escaped, matches in {@code <mark>}. A field whose answer does not line up
 * with the text is ignored, so a highlight can be incomplete but never wrong or unsafe.
 */
final class Highlights {

    static final String PRE = String.valueOf(MomentDocument.MARK_START);
    static final String POST = String.valueOf(MomentDocument.MARK_END);

    private static final char PRE_CHAR = PRE.charAt(0);
    private static final char POST_CHAR = POST.charAt(0);

    private Highlights() {}

    /** Marked ranges {@code [start, end)} of {@code text}, sorted and merged. */
    static List<int[]> ranges(String text, Collection<String> highlighted) {
        List<int[]> all = new ArrayList<>();
        for (String h : highlighted) {
            List<int[]> field = align(text, h);
            if (field != null) {
                all.addAll(field);
            }
        }
        if (all.size() < 2) {
            return all;
        }
        all.sort(Comparator.comparingInt(r -> r[0]));
        List<int[]> merged = new ArrayList<>();
        int[] last = null;
        for (int[] range : all) {
            if (last != null && range[0] <= last[1]) {
                last[1] = Math.max(last[1], range[1]);
            } else {
                last = new int[] {range[0], range[1]};
                merged.add(last);
            }
        }
        return merged;
    }

    /**
     * The ranges of {@code text} between markers in {@code highlighted}; null if the two do not line up. Compared a
     * stretch between markers at a time; a marker character that the text itself has at that place is text.
     */
    private static List<int[]> align(String text, String highlighted) {
        List<int[]> ranges = new ArrayList<>();
        int n = highlighted.length();
        int t = 0;
        int k = 0;
        int open = -1;
        int nextPre = index(highlighted, PRE_CHAR, 0);
        int nextPost = index(highlighted, POST_CHAR, 0);
        while (true) {
            int marker = Math.min(nextPre, nextPost);
            int length = marker - k;
            if (!text.regionMatches(t, highlighted, k, length)) {
                return null;
            }
            t += length;
            if (marker == n) {
                break;
            }
            char c = highlighted.charAt(marker);
            if (t < text.length() && text.charAt(t) == c) {
                t++; // the text's own character, not a marker
            } else if (c == PRE_CHAR) {
                open = open < 0 ? t : open;
            } else if (open >= 0) {
                if (t > open) {
                    ranges.add(new int[] {open, t});
                }
                open = -1;
            }
            k = marker + 1;
            if (c == PRE_CHAR) {
                nextPre = index(highlighted, PRE_CHAR, k);
            } else {
                nextPost = index(highlighted, POST_CHAR, k);
            }
        }
        if (t != text.length()) {
            return null;
        }
        if (open >= 0 && t > open) {
            ranges.add(new int[] {open, t});
        }
        return ranges;
    }

    private static int index(String s, char c, int from) {
        int at = s.indexOf(c, from);
        return at < 0 ? s.length() : at;
    }

    /**
     * A highlight of a whole text without its markers: the text itself, since a moment's text never holds the marker
     * characters ({@link MomentDocument#withoutMarkers}).
     */
    static String unmarked(String highlighted) {
        if (highlighted.indexOf(PRE_CHAR) < 0 && highlighted.indexOf(POST_CHAR) < 0) {
            return highlighted;
        }
        StringBuilder text = new StringBuilder(highlighted.length());
        for (int i = 0; i < highlighted.length(); i++) {
            char c = highlighted.charAt(i);
            if (c != PRE_CHAR && c != POST_CHAR) {
                text.append(c);
            }
        }
        return text.toString();
    }

    /** The text HTML-escaped with the ranges in {@code <mark>}. */
    static String render(String text, List<int[]> ranges) {
        StringBuilder out = new StringBuilder(text.length() + ranges.size() * 13 + 16);
        int at = 0;
        for (int[] range : ranges) {
            out.append(Html.escape(text.substring(at, range[0])))
                    .append("<mark>")
                    .append(Html.escape(text.substring(range[0], range[1])))
                    .append("</mark>");
            at = range[1];
        }
        return out.append(Html.escape(text.substring(at))).toString();
    }

    /** The index in the moment's lines of each line holding the start of a range. */
    static List<Integer> markedLines(MomentDocument moment, List<int[]> ranges) {
        List<Integer> marked = new ArrayList<>();
        if (moment.lines() == null) {
            return marked;
        }
        int[] offsets = moment.lineOffsets();
        int r = 0;
        for (int i = 0; i < offsets.length && r < ranges.size(); i++) {
            int lineEnd = offsets[i] + moment.lines().get(i).chars();
            boolean hit = false;
            while (r < ranges.size() && ranges.get(r)[0] <= lineEnd) {
                hit = true;
                r++;
            }
            if (hit) {
                marked.add(i);
            }
        }
        return marked;
    }
}
