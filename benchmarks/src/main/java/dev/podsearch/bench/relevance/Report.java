package dev.podsearch.bench.relevance;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** Prints the table per mode and kind, the split, the targets with MET / NOT MET, and the failed queries. */
final class Report {

    static final List<String> KIND_ORDER =
            List.of("keyword", "natural", "paraphrase", "asr", "metadata", "phrase", "typo", "dotted", Judgment.NONE);

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void table(ModeRun run) {
        out.printf("%n%s%s%n", run.mode(), run.asAsked() ? "" : "  (" + run.deviation() + ")");
        out.printf(
                "  %-12s %4s %9s %7s %8s %10s %6s %9s%n",
                "kind", "n", "recall@5", "MRR@10", "nDCG@10", "moment@30s", "zero", "answered");
        List<Score> scores = run.scores();
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

    /** The targets of issue #14. A hybrid target is not met when the service ran something else for hybrid. */
    void targets(Map<String, ModeRun> byMode) {
        out.printf("%ntargets%n");
        ModeRun hybrid = byMode.get("hybrid");
        ModeRun keyword = byMode.get("keyword");
        if (hybrid == null) {
            out.println("  NOT RUN  hybrid targets (hybrid is not among --modes)");
        } else {
            String ran = hybrid.asAsked() ? "" : "; hybrid did not run";
            boolean real = hybrid.asAsked();
            Metrics.Summary all =
                    Metrics.summarize(only(hybrid.scores(), s -> s.judgment().answerable()));
            target(
                    "hybrid recall@5 >= 0.95 overall (" + f(all.recallAt5()) + ran + ")",
                    real && all.recallAt5() >= 0.95);
            target("hybrid moment@30s >= 0.9 overall (" + f(all.moment()) + ran + ")", real && all.moment() >= 0.9);
            Metrics.Summary para = Metrics.summarize(
                    only(hybrid.scores(), s -> s.judgment().kind().equals("paraphrase")));
            target(
                    "hybrid paraphrase recall@5 >= 0.8 (" + f(para.recallAt5()) + ran + ")",
                    real && para.recallAt5() >= 0.8);
            if (keyword != null) {
                List<String> worse = new ArrayList<>();
                for (String kind : KIND_ORDER.subList(0, KIND_ORDER.size() - 1)) {
                    Metrics.Summary h = Metrics.summarize(
                            only(hybrid.scores(), s -> s.judgment().kind().equals(kind)));
                    Metrics.Summary k = Metrics.summarize(
                            only(keyword.scores(), s -> s.judgment().kind().equals(kind)));
                    if (h.recallAt5() < k.recallAt5() || h.mrrAt10() < k.mrrAt10()) {
                        worse.add(kind);
                    }
                }
                target(
                        "hybrid >= keyword on every kind, recall@5 and MRR@10"
                                + (worse.isEmpty() ? "" : " (worse on " + String.join(", ", worse) + ")") + ran,
                        real && worse.isEmpty());
            }
        }
        Map<String, Integer> zeros = new LinkedHashMap<>();
        byMode.forEach((mode, run) -> zeros.put(
                mode,
                only(run.scores(), s -> s.judgment().answerable() && s.zero()).size()));
        target(
                "no answerable query without results, in every mode that ran (zero-result queries: " + zeros + ")",
                zeros.values().stream().allMatch(z -> z == 0));
    }

    /** One line per failed query: its episode not in the top 5, its moment not shown, or a none query answered. */
    void failures(ModeRun run, PrintStream to) {
        for (Score s : run.scores()) {
            Judgment j = s.judgment();
            String failure = !j.answerable()
                    ? (s.answered() ? "answered" : null)
                    : s.recallAt5() == 0 ? "episode" : Boolean.FALSE.equals(s.moment()) ? "moment" : null;
            if (failure != null) {
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
                        String.join(",", s.shown())));
            }
        }
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
