package dev.podsearch.bench.relevance;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Scores a query's results against its judgment, and averages scores. */
public final class Metrics {

    /** A moment within this of the expected time counts as found (one moment's length). */
    public static final long MOMENT_TOLERANCE_MS = 30_000;

    private Metrics() {}

    public static Score score(Judgment judgment, List<Hit> hits) {
        return score(judgment, hits, null);
    }

    /** @param corrected the answer's {@code correctedQuery}, null when it has none */
    public static Score score(Judgment judgment, List<Hit> hits, String corrected) {
        int rank = 0;
        for (int i = 0; i < hits.size() && rank == 0; i++) {
            if (judgment.answerable() && hits.get(i).episode().equals(judgment.episode())) {
                rank = i + 1;
            }
        }
        Hit expected = rank >= 1 && rank <= 5 ? hits.get(rank - 1) : null;
        Boolean moment = null;
        Boolean first = null;
        if (judgment.atMs().isPresent()) {
            long at = judgment.atMs().getAsLong();
            moment = expected != null && expected.moments().stream().anyMatch(m -> m.near(at, MOMENT_TOLERANCE_MS));
            first = expected != null
                    && expected.first() != null
                    && expected.first().near(at, MOMENT_TOLERANCE_MS);
        }
        List<Hit> top5 = hits.stream().limit(5).toList();
        List<Hit> byMeaning = top5.stream()
                .filter(h -> h.first() != null && h.first().byMeaningOnly())
                .toList();
        Hit top = hits.isEmpty() ? null : hits.get(0);
        return new Score(
                judgment,
                rank,
                moment,
                first,
                hits.isEmpty(),
                byMeaning.size(),
                (int) byMeaning.stream().filter(h -> h == expected).count(),
                hits.stream().limit(3).map(Hit::episode).toList(),
                rank == 0
                        ? List.of()
                        : hits.get(rank - 1).moments().stream()
                                .map(Metrics::shown)
                                .toList(),
                top == null ? null : top.title(),
                top == null || top.first() == null ? null : top.first().matchedBy(),
                corrected);
    }

    private static String shown(Hit.Moment m) {
        long seconds = (m.matchMs() != null ? m.matchMs() : m.startMs()) / 1000;
        return seconds / 60 + ":" + String.format("%02d", seconds % 60)
                + (m.matchedBy() == null ? "" : " " + m.matchedBy());
    }

    /**
     * Means over the scores: recall@5, MRR@10, nDCG@10 and the zero-result rate over the answerable ones, moment and
     * first over those with an expected time, answered over the {@code none} queries (each NaN when no query
     * counts); meaning precision pooled over every meaning-only result in the top 5s (NaN when there is none).
     */
    public static Summary summarize(List<Score> scores) {
        List<Score> answerable =
                scores.stream().filter(s -> s.judgment().answerable()).toList();
        List<Score> timed = answerable.stream().filter(s -> s.moment() != null).toList();
        List<Score> none =
                scores.stream().filter(s -> !s.judgment().answerable()).toList();
        int byMeaning = scores.stream().mapToInt(Score::meaningTop5).sum();
        int relevant = scores.stream().mapToInt(Score::meaningRelevant).sum();
        return new Summary(
                scores.size(),
                mean(answerable, Score::recallAt5),
                mean(answerable, Score::reciprocalRankAt10),
                mean(answerable, Score::ndcgAt10),
                mean(timed, s -> s.moment() ? 1 : 0),
                mean(timed, s -> s.first() ? 1 : 0),
                byMeaning == 0 ? Double.NaN : (double) relevant / byMeaning,
                mean(answerable, s -> s.zero() ? 1 : 0),
                mean(none, s -> s.answered() ? 1 : 0));
    }

    private static double mean(List<Score> scores, ToDoubleFunction<Score> value) {
        return scores.stream().mapToDouble(value).average().orElse(Double.NaN);
    }

    /**
     * Averages; NaN where no query counts (e.g. recall over only {@code none} queries).
     *
     * @param first first@30s: the first moment shown for the expected episode is at the answer
     * @param meaningPrecision of the top-5 results found by meaning only, the share that is the expected episode
     */
    public record Summary(
            int n,
            double recallAt5,
            double mrrAt10,
            double ndcgAt10,
            double moment,
            double first,
            double meaningPrecision,
            double zero,
            double answered) {

        /** For {@code none} queries: the share that returned nothing. */
        public double negativesEmpty() {
            return 1 - answered;
        }
    }
}
