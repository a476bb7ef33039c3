package dev.podsearch.bench.relevance;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Prints the table per mode and kind (all queries, then the holdout split alone), the targets with MET / NOT MET, and
 * the failed queries.
 */
final class Report {

    static final List<String> KIND_ORDER =
            List.of("keyword", "natural", "paraphrase", "asr", "metadata", "phrase", "typo", "dotted", Judgment.NONE);

    static final String HOLDOUT = "holdout";

    private static final String COLUMNS = "  %-12s %4s %9s %7s %8s %10s %9s %10s %6s %9s %6s%n";

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void table(ModeRun run) {
        out.printf("%n%s%s%n", run.mode(), run.asAsked() ? "" : "  (" + run.deviation() + ")");
        kinds(run.scores());
        row("overall", only(run.scores(), s -> s.judgment().answerable()));
        for (String split : List.of("tune", HOLDOUT)) {
            row(
                    "  " + split,
                    only(
                            run.scores(),
                            s -> s.judgment().answerable()
                                    && s.judgment().split().equals(split)));
        }
        out.printf("%s, holdout split only%n", run.mode());
        List<Score> holdout = holdout(run.scores());
        kinds(holdout);
        row("overall", only(holdout, s -> s.judgment().answerable()));
    }

    private void kinds(List<Score> scores) {
        out.printf(
                COLUMNS,
                "kind",
                "n",
                "recall@5",
                "MRR@10",
                "nDCG@10",
                "moment@30s",
                "first@30s",
                "P@5meaning",
                "zero",
                "answered",
                "empty");
        for (String kind : KIND_ORDER) {
            row(kind, only(scores, s -> s.judgment().kind().equals(kind)));
        }
    }

    private void row(String label, List<Score> scores) {
        if (scores.isEmpty()) {
            return;
        }
        Metrics.Summary s = Metrics.summarize(scores);
        out.printf(
                COLUMNS,
                label,
                s.n(),
                f(s.recallAt5()),
                f(s.mrrAt10()),
                f(s.ndcgAt10()),
                f(s.moment()),
                f(s.first()),
                f(s.meaningPrecision()),
                f(s.zero()),
                f(s.answered()),
                f(s.negativesEmpty()));
    }

    /**
     * The targets of issue #22, judged on the holdout split (and, for negatives and paraphrases, on all queries too).
     * A hybrid target is not met when the service ran something else for hybrid.
     */
    void targets(Map<String, ModeRun> byMode) {
        out.printf("%ntargets%n");
        ModeRun hybrid = byMode.get("hybrid");
        if (hybrid == null) {
            out.println("  NOT RUN  hybrid targets (hybrid is not among --modes)");
        } else {
            String ran = hybrid.asAsked() ? "" : "; hybrid did not run";
            boolean real = hybrid.asAsked();
            List<Score> scores = hybrid.scores();
            Metrics.Summary holdout =
                    Metrics.summarize(only(holdout(scores), s -> s.judgment().answerable()));
            target(
                    "hybrid recall@5 >= 0.98 on holdout (" + f(holdout.recallAt5()) + ran + ")",
                    real && holdout.recallAt5() >= 0.98);
            target(
                    "hybrid first@30s >= 0.9 on holdout (" + f(holdout.first()) + ran + ")",
                    real && holdout.first() >= 0.9);
            Metrics.Summary none =
                    Metrics.summarize(only(scores, s -> !s.judgment().answerable()));
            Metrics.Summary noneHoldout =
                    Metrics.summarize(only(holdout(scores), s -> !s.judgment().answerable()));
            Map<String, String> everyMode = new LinkedHashMap<>();
            byMode.forEach((mode, run) -> everyMode.put(
                    mode,
                    f(Metrics.summarize(only(run.scores(), s -> !s.judgment().answerable()))
                            .negativesEmpty())));
            target(
                    "hybrid negatives empty >= 0.95, all and holdout (" + f(none.negativesEmpty()) + ", holdout "
                            + f(noneHoldout.negativesEmpty()) + "; every mode " + everyMode + ran + ")",
                    real && none.negativesEmpty() >= 0.95 && noneHoldout.negativesEmpty() >= 0.95);
            Metrics.Summary para =
                    Metrics.summarize(only(scores, s -> s.judgment().kind().equals("paraphrase")));
            Metrics.Summary paraHoldout = Metrics.summarize(
                    only(holdout(scores), s -> s.judgment().kind().equals("paraphrase")));
            target(
                    "hybrid paraphrase recall@5 >= 0.9, all and holdout (" + f(para.recallAt5()) + ", holdout "
                            + f(paraHoldout.recallAt5()) + ran + ")",
                    real && para.recallAt5() >= 0.9 && paraHoldout.recallAt5() >= 0.9);
        }
        // Floors under words and meaning make an empty answer right for a query whose words no moment has enough of
        // and whose meaning is not close enough (a paraphrase in keyword mode is one): the target is on hybrid, for
        // the queries that share words with their moment (every kind but paraphrase).
        Map<String, Integer> zeros = new LinkedHashMap<>();
        byMode.forEach((mode, run) -> zeros.put(
                mode,
                only(run.scores(), s -> s.judgment().answerable() && s.zero()).size()));
        ModeRun hybridRun = byMode.get("hybrid");
        long wordsZero = hybridRun == null
                ? -1
                : only(
                                hybridRun.scores(),
                                s -> s.judgment().answerable()
                                        && !s.judgment().kind().equals("paraphrase")
                                        && s.zero())
                        .size();
        target(
                "hybrid answers every answerable query that shares words with its moment (all kinds but paraphrase;"
                        + " zero-result queries of every kind, per mode: " + zeros + ")",
                wordsZero == 0);
    }

    private void target(String what, boolean met) {
        out.printf("  %-8s %s%n", met ? "MET" : "NOT MET", what);
    }

    static List<Score> only(List<Score> scores, Predicate<Score> which) {
        return scores.stream().filter(which).toList();
    }

    private static List<Score> holdout(List<Score> scores) {
        return only(scores, s -> s.judgment().split().equals(HOLDOUT));
    }

    static String f(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
