package dev.podsearch.query.trends;

import dev.podsearch.support.ProblemException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * How many intervals a chart from the first to the last matching publication date needs, checked against a cap before
 * the engine builds them (like its own {@code search.max_buckets}): one stray date decades away must not make a public
 * endpoint answer tens of thousands of empty intervals.
 */
final class TrendRange {

    /** The most intervals one answer holds: a day for almost three years, a week for 19, a month for 83. */
    static final int MAX_BUCKETS = 1000;

    static final List<String> INTERVALS = List.of("day", "week", "month", "year");

    private TrendRange() {}

    /** The intervals from {@code first} to {@code last} (UTC calendar, weeks from Monday), both included. */
    static long buckets(String interval, Instant first, Instant last) {
        LocalDate from = LocalDate.ofInstant(first, ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(last, ZoneOffset.UTC);
        return switch (interval) {
            case "day" -> ChronoUnit.DAYS.between(from, to) + 1;
            case "week" -> ChronoUnit.WEEKS.between(monday(from), monday(to)) + 1;
            case "month" -> ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
            case "year" -> (long) to.getYear() - from.getYear() + 1;
            default -> throw new IllegalArgumentException(interval);
        };
    }

    /** Refuses a chart of more than {@link #MAX_BUCKETS} intervals, naming the intervals that fit. */
    static void check(String interval, Instant first, Instant last) {
        long needed = buckets(interval, first, last);
        if (needed <= MAX_BUCKETS) {
            return;
        }
        List<String> fitting = new ArrayList<>();
        for (String other : INTERVALS) {
            if (buckets(other, first, last) <= MAX_BUCKETS) {
                fitting.add(other);
            }
        }
        throw ProblemException.badParameter(
                "interval",
                "interval=" + interval + " would chart " + needed + " intervals (the matches were published from "
                        + LocalDate.ofInstant(first, ZoneOffset.UTC) + " to "
                        + LocalDate.ofInstant(last, ZoneOffset.UTC)
                        + "); the limit is " + MAX_BUCKETS + ": "
                        + (fitting.isEmpty() ? "no interval fits" : "use interval=" + String.join(" or ", fitting))
                        + ", or narrow the dates (publishedAfter, publishedBefore) or the other filters");
    }

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
