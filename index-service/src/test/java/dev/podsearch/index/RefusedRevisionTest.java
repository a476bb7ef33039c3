package dev.podsearch.index;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.events.Segment;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.index.dlq.DeadLetters;
import dev.podsearch.search.Indices;
import dev.podsearch.search.MomentDocument;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A revision OpenSearch refuses for good after some of its moments were written: nothing of it stays findable, and the
 * next revision or a delete leaves no moment of it behind.
 */
@QuarkusTest
class RefusedRevisionTest extends IndexTestBase {

    /**
     * An upsert whose last moment the engine refuses for good: its speaker is a keyword longer than Lucene takes
     * (32766 bytes), so that document alone is rejected, after the moments before it were written.
     */
    static TranscriptEvent refusedAtTheEnd(String id, long revision, String... lines) {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            segments.add(new Segment(i * 60_000L, i * 60_000L + 5000, "Host", lines[i]));
        }
        long at = lines.length * 60_000L;
        segments.add(new Segment(at, at + 5000, "x".repeat(40_000), "refused line"));
        return upsert(id, revision, segments);
    }

    private List<String> texts(String id) throws Exception {
        return moments(id).stream().map(MomentDocument::text).toList();
    }

    @Test
    void aRevisionRefusedForGoodLeavesNothingOfItselfAndTheNextOnesRemoveEverything() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(upsert(id, 1, "alpha one", "alpha two"));
        await().atMost(Duration.ofSeconds(30)).until(() -> texts(id).equals(List.of("alpha one", "alpha two")));

        publish(refusedAtTheEnd(id, 2, "beta one", "beta two", "beta three"));

        // dead-lettered once the batch is settled: the rollback came before
        ConsumerRecord<String, byte[]> letter = deadLetterFor(id);
        assertEquals("non-retryable", header(letter, DeadLetters.ERROR_CLASS));
        assertTrue(header(letter, DeadLetters.REASON).contains(id + ":3"), header(letter, DeadLetters.REASON));
        List<MomentDocument> left = moments(id);
        assertTrue(
                left.stream().noneMatch(m -> m.revision() == 2 || m.text().startsWith("beta")),
                "moments of the refused revision still findable: " + left);
        assertEquals(1, episodeRevision(id));

        publish(upsert(id, 3, "gamma one"));
        await().atMost(Duration.ofSeconds(30)).until(() -> episodeRevision(id) == 3);
        assertEquals(List.of("gamma one"), texts(id));

        publish(TranscriptEvent.delete(id, 4, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> episodeRevision(id) == 0);
        assertEquals(List.of(), texts(id));
    }

    @Test
    void anEpisodeDocumentRefusedByAWriteBlockTakesItsMomentsWithItAndTheReplayIsIndexedWhole() throws Exception {
        String id = UUID.randomUUID().toString();
        TranscriptEvent event = upsert(id, 1, "zeta one", "zeta two");
        writeBlock(Indices.EPISODES, true);
        try {
            publish(event);
            deadLetterFor(id);
            assertEquals(List.of(), texts(id));
        } finally {
            writeBlock(Indices.EPISODES, false);
        }

        // replayed within index.gc_deletes of the rollback, whose deletes the engine still remembers at revision 1
        publish(event);
        await().atMost(Duration.ofSeconds(30)).until(() -> episodeRevision(id) == 1);
        assertEquals(List.of("zeta one", "zeta two"), texts(id));
    }

    private void writeBlock(String alias, boolean blocked) throws Exception {
        client.indices().putSettings(s -> s.index(alias).settings(i -> i.blocks(b -> b.write(blocked))));
    }

    @Test
    void aFirstRevisionRefusedForGoodIsNeitherFindableNorLeftBehindByADelete() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(refusedAtTheEnd(id, 1, "delta one", "delta two"));

        deadLetterFor(id);
        assertEquals(List.of(), texts(id));
        assertEquals(0, episodeRevision(id));

        // a revision refused for good does not hold the next one back: a shorter one is indexed whole
        publish(upsert(id, 2, "epsilon one"));
        await().atMost(Duration.ofSeconds(30)).until(() -> episodeRevision(id) == 2);
        assertEquals(List.of("epsilon one"), texts(id));

        publish(TranscriptEvent.delete(id, 3, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> episodeRevision(id) == 0);
        assertEquals(List.of(), texts(id));
    }
}
