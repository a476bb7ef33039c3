package dev.podsearch.ingest.feed;

import java.util.ArrayList;
import java.util.List;

/** What a poll found; {@code document} and {@code fetched} only when the feed was read. */
record PollOutcome(PollResult result, String error, FeedDocument document, Fetched fetched) {

    static PollOutcome failed(String reason) {
        return new PollOutcome(PollResult.FAILED, reason, null, null);
    }

    static PollOutcome notModified() {
        return new PollOutcome(PollResult.NOT_MODIFIED, null, null, null);
    }

    /** Sums up a read feed: which items failed decides the result, and whether the feed's validators are kept. */
    static PollOutcome read(FeedDocument document, Fetched fetched, Counts counts, int listed) {
        if (counts.failed > 0 || !counts.unidentifiedLines.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (counts.failed > 0) {
                parts.add(counts.failed + " of " + listed + " items failed (see each item's error)");
            }
            if (!counts.unidentifiedLines.isEmpty()) {
                parts.add("items at lines " + counts.unidentifiedLines
                        + " have neither <guid> nor <enclosure> and were skipped");
            }
            return new PollOutcome(PollResult.PARTIAL, String.join("; ", parts), document, fetched);
        }
        if (counts.stored + counts.unchanged == 0) {
            return new PollOutcome(
                    PollResult.NO_TRANSCRIPTS,
                    "the feed lists " + listed + (listed == 1 ? " item" : " items")
                            + ", none with a <podcast:transcript> this service reads (JSON, WebVTT, SRT, HTML"
                            + " or plain text): nothing to ingest",
                    document,
                    fetched);
        }
        return new PollOutcome(counts.stored > 0 ? PollResult.UPDATED : PollResult.UNCHANGED, null, document, fetched);
    }

    /** Keep the feed's ETag/Last-Modified only when every item is done: a 304 must never hide a failed one. */
    boolean keepValidators() {
        return result == PollResult.UPDATED || result == PollResult.UNCHANGED || result == PollResult.NO_TRANSCRIPTS;
    }

    /** Items by outcome. */
    static final class Counts {
        int stored;
        int unchanged;
        int failed;
        final List<Integer> unidentifiedLines = new ArrayList<>();

        void add(ItemOutcome outcome) {
            switch (outcome) {
                case STORED -> stored++;
                case UNCHANGED -> unchanged++;
                case FAILED -> failed++;
                case NO_TRANSCRIPT -> {} // shown on the item; a feed's result counts what was stored or failed
            }
        }

        void unidentified(int line) {
            unidentifiedLines.add(line);
        }
    }
}
