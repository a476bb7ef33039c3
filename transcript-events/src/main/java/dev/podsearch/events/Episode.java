package dev.podsearch.events;

import java.time.Instant;
import java.util.List;

/** Episode metadata carried by an upsert event. Every field but {@code title} may be null. */
public record Episode(
        String show,
        String title,
        String notes,
        Instant publishedAt,
        String audioUrl,
        String language,
        String externalId,
        List<String> speakers) {

    public Episode {
        speakers = speakers == null ? List.of() : List.copyOf(speakers);
    }
}
