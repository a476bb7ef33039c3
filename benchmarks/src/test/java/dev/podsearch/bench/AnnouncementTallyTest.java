package dev.podsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.events.IndexedEvent;
import dev.podsearch.events.TranscriptEventCodec;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The index benchmark's waits on transcripts.indexed.v1 (issue #29): its embed phase failed with "episode …: EMBEDDED
 * null" because the embed stage's announcements share the topic with the keyword indexer's.
 */
class AnnouncementTallyTest {

    /** As the consumer reads it: encoded by the contract's codec, then decoded. */
    private static IndexedEvent announced(String episode, String status, String reason) {
        return TranscriptEventCodec.decodeIndexed(TranscriptEventCodec.encodeIndexed(
                new IndexedEvent(episode, 1, status, Instant.parse("2026-12-07T05:00:00Z"), reason)));
    }

    @Test
    void embeddedAnnouncementsWhileWaitingForIndexingAreNoFailure() {
        AnnouncementTally tally = new AnnouncementTally();
        Set<String> waiting = new HashSet<>(Set.of("a", "b"));
        for (IndexedEvent event : List.of(
                announced("x", "EMBEDDED", null), // the stage draining an earlier run's outcomes
                announced("a", "INDEXED", null),
                announced("a", "EMBEDDED", null),
                announced("b", "INDEXED", null))) {
            tally.indexing(event, waiting);
        }
        assertTrue(waiting.isEmpty());
    }

    @Test
    void embeddedAnnouncementsReadWhileWaitingForIndexingCountForTheWaitForEmbedding() {
        AnnouncementTally tally = new AnnouncementTally();
        Set<String> indexing = new HashSet<>(Set.of("a", "b"));
        tally.indexing(announced("a", "INDEXED", null), indexing);
        tally.indexing(announced("a", "EMBEDDED", null), indexing); // before b is indexed: read by the first wait
        tally.indexing(announced("b", "INDEXED", null), indexing);

        Set<String> embedding = new HashSet<>(Set.of("a", "b"));
        tally.startEmbedding(embedding);
        assertEquals(Set.of("b"), embedding);
        tally.embedding(announced("b", "INDEXED", null), embedding); // not news to this wait
        assertEquals(Set.of("b"), embedding);
        tally.embedding(announced("b", "EMBEDDED", null), embedding);
        assertTrue(embedding.isEmpty());

        // counted once: a later wait for the same episode waits for a new announcement
        Set<String> again = new HashSet<>(Set.of("a"));
        tally.startEmbedding(again);
        assertEquals(Set.of("a"), again);
    }

    @Test
    void aFailedOrDeletedEpisodeStillEndsTheWaitForIndexingNamingItAndWhy() {
        AnnouncementTally tally = new AnnouncementTally();
        Set<String> waiting = new HashSet<>(Set.of("a"));
        IllegalStateException failed = assertThrows(
                IllegalStateException.class,
                () -> tally.indexing(announced("a", "FAILED", "mapping rejected field text"), waiting));
        assertEquals("episode a: FAILED mapping rejected field text", failed.getMessage());
        assertThrows(IllegalStateException.class, () -> tally.indexing(announced("a", "DELETED", null), waiting));
        assertEquals(Set.of("a"), waiting);
    }

    @Test
    void onlyTheKeywordIndexersAnnouncementSaysWhenAnEpisodeWasIndexed() {
        assertTrue(AnnouncementTally.indexedTime(announced("a", "INDEXED", null)));
        assertFalse(AnnouncementTally.indexedTime(announced("a", "EMBEDDED", null)));
        assertFalse(AnnouncementTally.indexedTime(announced("a", "FAILED", "x")));
    }
}
