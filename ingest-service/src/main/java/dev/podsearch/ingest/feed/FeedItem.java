package dev.podsearch.ingest.feed;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One {@code <item>}: its GUID (else its enclosure URL: what identifies the episode across polls), title, date, audio,
 * and the {@code <podcast:transcript>} tags it offers.
 *
 * @param pubDateText the {@code <pubDate>} as written, kept for the error when it cannot be read (publishedAt null)
 */
public record FeedItem(
        String guid,
        String title,
        Instant publishedAt,
        String pubDateText,
        String enclosureUrl,
        List<TranscriptLink> transcripts,
        int line) {

    public FeedItem {
        transcripts = List.copyOf(transcripts);
    }

    /** The richest transcript offered (JSON > VTT > SRT > HTML > text); among equals, the first in the feed. */
    public Optional<TranscriptLink> bestTranscript() {
        return transcripts.stream()
                .filter(link -> link.rank() < TranscriptLink.UNKNOWN_RANK)
                .min(Comparator.comparingInt(TranscriptLink::rank));
    }
}
