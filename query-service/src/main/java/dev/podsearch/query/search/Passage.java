package dev.podsearch.query.search;

import dev.podsearch.search.MomentDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * A stretch of transcript shown in a result: one moment, or consecutive moments of an episode that overlap merged into
 * one (consecutive moments of a speaker share a line, so two hits on the same passage would show that line twice).
 *
 * @param moment the passage as a moment: its lines, text, first line, start and end
 * @param ranges the matched ranges of its text, sorted and disjoint
 * @param matchMs when its first (best) match is said: the start of that line, or null without a match
 */
record Passage(MomentDocument moment, List<int[]> ranges, Long matchMs) {

    /** One moment with the ranges its highlights marked. */
    static Passage of(MomentDocument moment, List<int[]> ranges) {
        List<Integer> marked = Highlights.markedLines(moment, ranges);
        Long matchMs = marked.isEmpty() || moment.lines() == null
                ? null
                : moment.lines().get(marked.getFirst()).startMs();
        return new Passage(moment, ranges, matchMs);
    }

    int firstLine() {
        return moment.firstLine();
    }

    /** The number of the passage's last transcript line. */
    int lastLine() {
        return moment.firstLine() + lineCount() - 1;
    }

    private int lineCount() {
        return moment.lines() == null ? 1 : moment.lines().size();
    }

    /** The transcript line numbers holding a match. */
    List<Integer> matchedLines() {
        return Highlights.markedLines(moment, ranges).stream()
                .map(i -> moment.firstLine() + i)
                .toList();
    }

    /** Whether the two share a transcript line, so that shown apart they would show it twice. */
    boolean overlaps(Passage other) {
        return moment.lines() != null
                && other.moment.lines() != null
                && other.firstLine() <= lastLine()
                && firstLine() <= other.lastLine();
    }

    /**
     * The two as one passage, each line once: this passage's lines, then the other's that come after them. The match
     * time stays this passage's (the better one), unless it has none.
     */
    Passage mergedWith(Passage other) {
        if (other.firstLine() < firstLine()) {
            Passage merged = other.mergedWith(this);
            return new Passage(merged.moment, merged.ranges, matchMs != null ? matchMs : merged.matchMs);
        }
        MomentDocument a = moment;
        MomentDocument b = other.moment;
        int[] offsetsA = a.lineOffsets();
        int[] offsetsB = b.lineOffsets();
        int shared = lastLine() - other.firstLine() + 1; // lines of b already in a (they overlap: at least one)
        List<int[]> ranges = united(
                this.ranges,
                shift(other.ranges, offsetsA, offsetsB, shared, a.text().length()));
        if (shared >= b.lines().size()) {
            return new Passage(a, ranges, matchMs != null ? matchMs : other.matchMs);
        }
        String text = a.text() + " " + b.text().substring(offsetsB[shared]);
        List<MomentDocument.Line> lines = new ArrayList<>(a.lines());
        lines.addAll(b.lines().subList(shared, b.lines().size()));
        MomentDocument joined = new MomentDocument(
                        a.episodeId(),
                        a.revision(),
                        a.ordinal(),
                        a.firstLine(),
                        a.startMs(),
                        b.endMs(),
                        a.speaker(),
                        text,
                        lines,
                        a.title(),
                        a.notes(),
                        a.show(),
                        a.publishedAt(),
                        a.audioUrl(),
                        a.language(),
                        a.addedAt())
                .withText(text);
        return new Passage(joined, ranges, matchMs != null ? matchMs : other.matchMs);
    }

    /** The other passage's ranges in the merged text: its shared lines map onto this one's last lines. */
    private static List<int[]> shift(List<int[]> ranges, int[] offsetsA, int[] offsetsB, int shared, int lengthA) {
        int tailStart = shared < offsetsB.length ? offsetsB[shared] : Integer.MAX_VALUE;
        int sharedStartInA = offsetsA[offsetsA.length - shared];
        int tailStartInMerged = lengthA + 1;
        List<int[]> out = new ArrayList<>();
        for (int[] r : ranges) {
            if (r[0] < tailStart) {
                out.add(new int[] {sharedStartInA + r[0], Math.min(sharedStartInA + r[1], lengthA)});
            } else {
                out.add(new int[] {tailStartInMerged + r[0] - tailStart, tailStartInMerged + r[1] - tailStart});
            }
        }
        return out;
    }

    private static List<int[]> united(List<int[]> a, List<int[]> b) {
        List<int[]> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(java.util.Comparator.comparingInt(r -> r[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] range : all) {
            int[] last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && range[0] <= last[1]) {
                last[1] = Math.max(last[1], range[1]);
            } else if (range[1] > range[0]) {
                merged.add(new int[] {range[0], range[1]});
            }
        }
        return merged;
    }

    /** The passage as shown: its text HTML-escaped with the matches marked. */
    SearchResults.Moment shown() {
        return SearchResults.Moment.of(moment, Highlights.render(moment.text(), ranges), matchMs);
    }
}
