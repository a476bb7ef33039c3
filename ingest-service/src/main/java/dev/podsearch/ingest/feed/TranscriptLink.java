package dev.podsearch.ingest.feed;

import java.util.List;
import java.util.Locale;

/**
 * A {@code <podcast:transcript url type language rel>} tag.
 *
 * @param rel {@code captions} when the file is the episode's closed captions (timed for display, often split in short
 *     cues) rather than a transcript; kept and shown, it does not change the choice
 */
public record TranscriptLink(String url, String type, String language, String rel) {

    /** The media types by richness: word or line timing with speakers first, untimed text last. */
    private static final List<List<String>> BY_RICHNESS = List.of(
            List.of("application/json", "application/transcript+json"),
            List.of("text/vtt"),
            List.of("application/x-subrip", "application/srt", "text/srt"),
            List.of("text/html", "application/xhtml+xml"),
            List.of("text/plain"));

    static final int UNKNOWN_RANK = BY_RICHNESS.size();

    /** The media type without parameters, lower case. */
    public String mediaType() {
        return type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /** 0 for the richest format; {@link #UNKNOWN_RANK} for a type this service does not read. */
    int rank() {
        for (int i = 0; i < BY_RICHNESS.size(); i++) {
            if (BY_RICHNESS.get(i).contains(mediaType())) {
                return i;
            }
        }
        return UNKNOWN_RANK;
    }

    public boolean captions() {
        return "captions".equalsIgnoreCase(rel);
    }
}
