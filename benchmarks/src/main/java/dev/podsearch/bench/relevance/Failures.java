package dev.podsearch.bench.relevance;

import java.io.PrintStream;
import java.util.Objects;

/**
 * The failures file, one tab-separated line per failed query: its episode not in the top 5 ({@code episode}), no shown
 * moment at the answer ({@code moment}), a shown moment at it but not the first ({@code first moment}), or a
 * {@code none} query answered ({@code answered}).
 */
final class Failures {

    static final String HEADER = String.join(
            "\t",
            "mode",
            "id",
            "kind",
            "split",
            "failure",
            "query",
            "expected",
            "rank",
            "top 3",
            "shown",
            "top title",
            "top matchedBy",
            "corrected");

    private Failures() {}

    static void write(ModeRun run, PrintStream to) {
        for (Score s : run.scores()) {
            String failure = failure(s);
            if (failure == null) {
                continue;
            }
            Judgment j = s.judgment();
            to.println(String.join(
                    "\t",
                    run.mode(),
                    j.id(),
                    j.kind(),
                    j.split(),
                    failure,
                    j.query(),
                    j.episode(),
                    s.rank() == 0 ? "-" : Integer.toString(s.rank()),
                    String.join(",", s.top()),
                    String.join(",", s.shown()),
                    cell(s.topTitle()),
                    cell(s.topMatchedBy()),
                    cell(s.corrected())));
        }
    }

    /** Why the query failed, null when it did not. */
    static String failure(Score s) {
        if (!s.judgment().answerable()) {
            return s.answered() ? "answered" : null;
        }
        if (s.recallAt5() == 0) {
            return "episode";
        }
        if (Boolean.FALSE.equals(s.moment())) {
            return "moment";
        }
        return Boolean.FALSE.equals(s.first()) ? "first moment" : null;
    }

    /** The text with tabs and line breaks as spaces, empty for null. */
    private static String cell(String text) {
        return Objects.toString(text, "").replaceAll("[\\t\\r\\n]+", " ");
    }
}
