package dev.podsearch.bench;

import dev.podsearch.events.IndexedEvent;
import java.util.HashSet;
import java.util.Set;

/**
 * What each announcement on transcripts.indexed.v1 means to a benchmark waiting on it, apart from Kafka so that tests
 * can feed it. The keyword indexer announces {@code INDEXED} (or {@code FAILED}, {@code DELETED}); the embed stage
 * announces {@code EMBEDDED} on the same topic, often while the benchmark still waits for the keyword path. An
 * {@code EMBEDDED} read during a wait for indexing is neither a failure nor lost: it counts for the next wait for
 * embedding.
 */
final class AnnouncementTally {

    static final String INDEXED = "INDEXED";
    static final String EMBEDDED = "EMBEDDED";

    /** Episodes announced embedded and not yet counted by a wait for embedding. */
    private final Set<String> embedded = new HashSet<>();

    /**
     * During a wait for indexing: an {@code INDEXED} episode is no longer waited for, an {@code EMBEDDED} one is kept
     * for {@link #embedding}; any other status (a failure, a deletion) ends the run.
     *
     * @throws IllegalStateException naming the episode, its status and reason
     */
    void indexing(IndexedEvent event, Set<String> waiting) {
        switch (event.status()) {
            case INDEXED -> waiting.remove(event.episodeId());
            case EMBEDDED -> embedded.add(event.episodeId());
            default ->
                throw new IllegalStateException(
                        "episode " + event.episodeId() + ": " + event.status() + " " + event.reason());
        }
    }

    /** At the start of a wait for embedding: the episodes already announced embedded are not waited for. */
    void startEmbedding(Set<String> waiting) {
        waiting.removeIf(embedded::remove);
    }

    /** During a wait for embedding: an {@code EMBEDDED} episode is no longer waited for; anything else is not news. */
    void embedding(IndexedEvent event, Set<String> waiting) {
        if (EMBEDDED.equals(event.status())) {
            waiting.remove(event.episodeId());
        }
    }

    /** Whether the announcement says when the keyword indexer indexed the episode (the embed stage's do not). */
    static boolean indexedTime(IndexedEvent event) {
        return INDEXED.equals(event.status());
    }
}
