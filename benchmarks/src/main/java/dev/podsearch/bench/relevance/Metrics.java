package dev.podsearch.bench.relevance;

import java.util.List;

/** Scores a query's results against its judgment, and averages scores. */
public final class Metrics {

    /** A moment within this of the expected time counts as found (one moment's length). */
    public static final long MOMENT_TOLERANCE_MS = 30_000;

    private Metrics() {}

    public static Score score(Judgment judgment, List<Hit> hits) {
        int rank = 0;
        for (int i = 0; i < hits.size() && rank == 0; i++) {
            if (judgment.answerable() && hits.get(i).episode().equals(judgment.episode())) {
                rank = i + 1;
            }
        }
        Boolean moment = null;
        if (judgment.atMs().isPresent()) {
            long at = judgment.atMs().getAsLong();
            moment = rank >= 1
                    && rank <= 5
                    && hits.get(rank - 1).moments().stream().anyMatch(m -> m.near(at, MOMENT_TOLERANCE_MS));
        }
        return new Score(
                judgment,
                rank,
                moment,
                hits.isEmpty(),
                hits.stream().limit(3).map(Hit::episode).toList(),
                rank == 0
                        ? List.of()
                        : hits.get(rank - 1).moments().stream()
                                .map(Metrics::time)
                                .toList());
    }

    private static String time(Hit.Moment m) {
        long seconds = (m.matchMs() != null ? m.matchMs() : m.startMs()) / 1000;
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }

    /**
     * Means over the scores: recall@5, MRR@10, nDCG@10 and the zero-result rate over all of them, moment over those
     * with an expected time (NaN when none has), answered for the {@code none} queries among them.
     */
    public static Summary summarize(List<Score> scores) {
        List<Score> answerable =
                scores.stream().filter(s -> s.judgment().answerable()).toList();
        List<Score> timed = answerable.stream().filter(s -> s.moment() != null).toList();
        List<Score> none =
                scores.stream().filter(s -> !s.judgment().answerable()).toList();
        return new Summary(
                scores.size(),
                mean(answerable.stream().mapToDouble(Score::recallAt5).toArray()),
                mean(answerable.stream().mapToDouble(Score::reciprocalRankAt10).toArray()),
                mean(answerable.stream().mapToDouble(Score::ndcgAt10).toArray()),
                mean(timed.stream().mapToDouble(s -> s.moment() ? 1 : 0).toArray()),
                mean(answerable.stream().mapToDouble(s -> s.zero() ? 1 : 0).toArray()),
                mean(none.stream().mapToDouble(s -> s.answered() ? 1 : 0).toArray()));
    }

    private static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Averages; NaN where no query counts (e.g. recall over only {@code none} queries). */
    public record Summary(
            int n, double recallAt5, double mrrAt10, double ndcgAt10, double moment, double zero, double answered) {}
}
