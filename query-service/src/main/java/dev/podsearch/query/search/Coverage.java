package dev.podsearch.query.search;

import java.util.List;

/**
 * How much of the query's words a moment has, read from the engine's named queries ({@link TextQuery}): which counted
 * words it has as typed (in its text or its episode's fields), their weight, and whether it has them all, or all only
 * with misspelled words corrected. Nothing is decoded from scores.
 *
 * @param weight the summed weights of the words it has as typed (1 when it has every word)
 * @param complete it has every counted word as typed (true when the query counts none: a phrase, stop words)
 * @param spelled it has every counted word, some only as corrected
 */
record Coverage(double weight, boolean complete, boolean spelled) {

    /** A moment found without its words (by meaning only). */
    static final Coverage NONE = new Coverage(0, false, false);

    static Coverage of(List<String> matched, int groups, WordStats stats) {
        if (groups == 0) {
            return new Coverage(1, true, false);
        }
        boolean[] covered = new boolean[groups];
        for (String name : matched) {
            int i = index(name);
            if (i < 0 || i >= groups) {
                continue;
            }
            if (name.charAt(0) == 'w') {
                covered[i] = true;
            } else if (name.charAt(0) == 'j') {
                covered[i] = true;
                if (i + 1 < groups) {
                    covered[i + 1] = true;
                }
            }
        }
        double weight = 0;
        boolean complete = true;
        for (int i = 0; i < groups; i++) {
            if (covered[i]) {
                weight += stats.weight(i);
            } else {
                complete = false;
            }
        }
        return new Coverage(complete ? 1 : weight, complete, !complete && matched.contains(TextQuery.SPELLED_ALL));
    }

    /** The ranking tier: every word first, then every word with a spelling corrected, then the rest. */
    int tier() {
        return complete ? 0 : spelled ? 1 : 2;
    }

    /** How the moment matched by its words; null when not enough of them ({@code floor}) for a match by words. */
    MatchKind kind(boolean phraseQuery, double floor) {
        if (phraseQuery) {
            return MatchKind.PHRASE;
        }
        if (complete) {
            return MatchKind.WORDS;
        }
        if (spelled) {
            return MatchKind.SPELLING;
        }
        return weight >= floor - 1e-6 ? MatchKind.PARTIAL : null;
    }

    private static int index(String name) {
        if (name.length() < 2 || (name.charAt(0) != 'w' && name.charAt(0) != 'j')) {
            return -1;
        }
        try {
            return Integer.parseInt(name, 1, name.length(), 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
