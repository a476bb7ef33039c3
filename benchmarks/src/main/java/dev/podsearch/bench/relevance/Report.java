package dev.podsearch.bench.relevance;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Prints the table per mode and kind, the split, and the targets with MET / NOT MET. */
final class Report {

    static final List<String> KIND_ORDER =
            List.of("keyword", "natural", "paraphrase", "asr", "metadata", "phrase", "typo", "dotted", Judgment.NONE);

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void table(String mode, List<Score> scores) {
        out.printf("%n%s%n", mode);
        out.printf(
                "  %-12s %4s %9s %7s %8s %10s %6s %9s%n",
                "kind", "n", "recall@5", "MRR@10", "nDCG@10", "moment@30s", "zero", "answered");
        for (String kind : KIND_ORDER) {
            row(kind, only(scores, s -> s.judgment().kind().equals(kind)));
        }
        row("overall", only(scores, s -> s.judgment().answerable()));
        row(
                "  tune",
                only(
                        scores,
                        s -> s.judgment().answerable() && s.judgment().split().equals("tune")));
        row(
                "  holdout",
                only(
                        scores,
                        s -> s.judgment().answerable() && s.judgment().split().equals("holdout")));
    }

    private void row(String label, List<Score> scores) {
        if (scores.isEmpty()) {
            return;
        }
        Metrics.Summary s = Metrics.summarize(scores);
        out.printf(
                "  %-12s %4d %9s %7s %8s %10s %6s %9s%n",
                label,
                s.n(),
                f(s.recallAt5()),
                f(s.mrrAt10()),
                f(s.ndcgAt10()),
                f(s.moment()),
                f(s.zero()),
                f(s.answered()));
    }

    /** The targets of issue #14; a target over a mode that did not run says so. */
    void targets(Map<String, List<Score>> byMode) {
        out.printf("%ntargets%n");
        List<Score> hybrid = byMode.get("hybrid");
        List<Score> keyword = byMode.get("keyword");
        if (hybrid == null) {
            out.println("  hybrid targets: NOT RUN (hybrid not among --modes)");
        } else {
            Metrics.Summary all =
                    Metrics.summarize(only(hybrid, s -> s.judgment().answerable()));
            target("hybrid recall@5 >= 0.95 overall (" + f(all.recallAt5()) + ")", all.recallAt5() >= 0.95);
            target("hybrid moment@30s >= 0.9 overall (" + f(all.moment()) + ")", all.moment() >= 0.9);
            Metrics.Summary para =
                    Metrics.summarize(only(hybrid, s -> s.judgment().kind().equals("paraphrase")));
            target("hybrid paraphrase recall@5 >= 0.8 (" + f(para.recallAt5()) + ")", para.recallAt5() >= 0.8);
            if (keyword != null) {
                List<String> worse = new ArrayList<>();
                for (String kind : KIND_ORDER.subList(0, KIND_ORDER.size() - 1)) {
                    Metrics.Summary h = Metrics.summarize(
                            only(hybrid, s -> s.judgment().kind().equals(kind)));
                    Metrics.Summary k = Metrics.summarize(
                            only(keyword, s -> s.judgment().kind().equals(kind)));
                    if (h.recallAt5() < k.recallAt5() || h.mrrAt10() < k.mrrAt10()) {
                        worse.add(kind);
                    }
                }
                target(
                        "hybrid >= keyword on every kind, recall@5 and MRR@10"
                                + (worse.isEmpty() ? "" : " (worse on " + String.join(", ", worse) + ")"),
                        worse.isEmpty());
            }
        }
        Map<String, Integer> zeros = new LinkedHashMap<>();
        byMode.forEach((mode, scores) -> zeros.put(
                mode, only(scores, s -> s.judgment().answerable() && s.zero()).size()));
        target(
                "no answerable query without results in any mode " + zeros,
                zeros.values().stream().allMatch(z -> z == 0));
    }

    void failures(String mode, List<Score> scores, PrintStream to) {
        TreeSet<String> lines = new TreeSet<>();
        for (Score s : scores) {
            boolean failed = s.judgment().answerable() ? s.recallAt5() == 0 : s.answered();
            if (failed) {
                lines.add(String.join(
                        "\t",
                        mode,
                        s.judgment().id(),
                        s.judgment().kind(),
                        s.judgment().query(),
                        s.judgment().episode(),
                        s.rank() == 0 ? "-" : Integer.toString(s.rank())));
            }
        }
        lines.forEach(to::println);
    }

    private void target(String what, boolean met) {
        out.printf("  %-8s %s%n", met ? "MET" : "NOT MET", what);
    }

    private static List<Score> only(List<Score> scores, Predicate<Score> which) {
        return scores.stream().filter(which).toList();
    }

    private static String f(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
