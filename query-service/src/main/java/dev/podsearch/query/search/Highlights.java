package dev.podsearch.query.search;

import dev.podsearch.search.MomentDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Highlights merged across fields. A moment's text is searched through three fields (stemmed, exact and joined
 * words), and each highlights only what was matched on it, so the engine returns the whole text once per field with
 * private-use marker characters around matches. Here the marked ranges are read back against the original text,
 * united, and rendered once: the text HTML-escaped, matches in {@code <mark>}. A field whose answer does not line up
 * with the text is ignored, so a highlight can be incomplete but never wrong or unsafe.
 */
final class Highlights {

    static final String PRE = "\uE000";
    static final String POST = "\uE001";

    private Highlights() {}

    /** Marked ranges {@code [start, end)} of {@code text}, sorted and merged. */
    static List<int[]> ranges(String text, Collection<String> highlighted) {
        boolean[] marked = new boolean[text.length()];
        boolean any = false;
        for (String h : highlighted) {
            boolean[] field = align(text, h);
            if (field != null) {
                for (int i = 0; i < marked.length; i++) {
                    marked[i] |= field[i];
                    any |= field[i];
                }
            }
        }
        List<int[]> ranges = new ArrayList<>();
        if (!any) {
            return ranges;
        }
        int i = 0;
        while (i < marked.length) {
            if (!marked[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < marked.length && marked[i]) {
                i++;
            }
            ranges.add(new int[] {start, i});
        }
        return ranges;
    }

    /** Which characters of {@code text} lie between markers in {@code highlighted}; null if they do not line up. */
    private static boolean[] align(String text, String highlighted) {
        boolean[] marked = new boolean[text.length()];
        boolean open = false;
        int t = 0;
        for (int k = 0; k < highlighted.length(); k++) {
            char c = highlighted.charAt(k);
            boolean textHasIt = t < text.length() && text.charAt(t) == c;
            if (c == PRE.charAt(0) && !textHasIt) {
                open = true;
            } else if (c == POST.charAt(0) && !textHasIt) {
                open = false;
            } else if (textHasIt) {
                marked[t++] = open;
            } else {
                return null;
            }
        }
        return t == text.length() ? marked : null;
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
