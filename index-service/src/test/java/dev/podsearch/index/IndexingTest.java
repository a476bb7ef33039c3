package dev.podsearch.index;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.events.ContractSample;
import dev.podsearch.events.Topics;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.events.TranscriptEventCodec;
import dev.podsearch.index.dlq.DeadLetters;
import dev.podsearch.search.EpisodeDocument;
import dev.podsearch.search.Indices;
import dev.podsearch.search.MomentDocument;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IndexingTest extends IndexTestBase {

    @Test
    void indexesAnUpsertAsAnEpisodeAndItsMoments() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(upsert(id, 1, "the fog horn sounds", "the keeper climbs", "the lamp turns"));

        // the episode document is written last, once every moment was: wait for both
        await().atMost(Duration.ofSeconds(30)).until(() -> moments(id).size() == 3 && episodeRevision(id) == 1);

        List<MomentDocument> moments = moments(id);
        assertEquals("the keeper climbs", moments.get(1).text());
        assertEquals(60_000L, moments.get(1).startMs());
        assertEquals("Test Show", moments.get(1).show());
        assertEquals(1, episodeRevision(id));
        EpisodeDocument episode = client.get(g -> g.index(Indices.EPISODES).id(id), EpisodeDocument.class)
                .source();
        assertEquals(125_000L, episode.durationMs());
        assertEquals(3, episode.moments());
    }

    @Test
    void anOlderRevisionDeliveredLateNeverReplacesANewerOne() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(upsert(id, 2, "second take, line one", "second take, line two"));
        publish(upsert(id, 1, "first take, line one", "first take, line two", "first take, line three"));
        String marker = UUID.randomUUID().toString();
        publish(upsert(marker, 1, "marker"));

        // the marker shares no partition guarantee, so wait for the episode itself to settle
        await().atMost(Duration.ofSeconds(30))
                .until(() -> moments(marker).size() == 1 && moments(id).size() == 2);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> moments(id).size() == 2);

        List<MomentDocument> moments = moments(id);
        assertTrue(moments.stream().allMatch(m -> m.revision() == 2 && m.text().startsWith("second take")));
        assertEquals(2, episodeRevision(id));
    }

    @Test
    void aRevisionWithFewerMomentsLeavesNoStaleOnes() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(upsert(id, 1, "one", "two", "three", "four"));
        await().atMost(Duration.ofSeconds(30)).until(() -> moments(id).size() == 4);

        publish(upsert(id, 2, "uno", "dos"));

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        moments(id).stream().map(MomentDocument::text).toList().equals(List.of("uno", "dos")));
    }

    @Test
    void aStreamOfRevisionsOfManyEpisodesEndsAsEachOnesLastRevision() throws Exception {
        // sent without waiting, so they are read while earlier batches are being written: batches are planned after
        // one another and topped up with what arrived meanwhile; each episode shrinks from 4 moments to 2 to 3
        List<String> ids = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        for (String id : ids) {
            publish(upsert(id, 1, "a one", "a two", "a three", "a four"));
        }
        for (String id : ids) {
            publish(upsert(id, 2, "b one", "b two"));
            publish(upsert(id, 3, "c one", "c two", "c three"));
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String id : ids) {
                assertEquals(3, episodeRevision(id), id);
                assertEquals(
                        List.of("c one", "c two", "c three"),
                        moments(id).stream().map(MomentDocument::text).toList(),
                        id);
            }
        });
    }

    @Test
    void aDeleteRemovesTheEpisodeAndAllItsMoments() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(upsert(id, 1, "to be removed", "also removed"));
        await().atMost(Duration.ofSeconds(30)).until(() -> moments(id).size() == 2);

        publish(TranscriptEvent.delete(id, 2, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> moments(id).isEmpty() && episodeRevision(id) == 0);
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndThePartitionGoesOn() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(id, "this is not json".getBytes(StandardCharsets.UTF_8));
        publish(upsert(id, 1, "after the poison"));

        await().atMost(Duration.ofSeconds(30)).until(() -> moments(id).size() == 1);

        ConsumerRecord<String, byte[]> letter = deadLetterFor(id);
        assertEquals("this is not json", new String(letter.value(), StandardCharsets.UTF_8));
        assertEquals("poison", header(letter, DeadLetters.ERROR_CLASS));
        assertEquals(Topics.TRANSCRIPTS, header(letter, DeadLetters.ORIGINAL_TOPIC));
        assertTrue(header(letter, DeadLetters.REASON).startsWith("not a transcript event"));
        assertTrue(Long.parseLong(header(letter, DeadLetters.ORIGINAL_OFFSET)) >= 0);
    }

    @Test
    void aDeletedEpisodeStaysDeletedWhenAnOlderRevisionIsReplayed() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(upsert(id, 1, "soon gone"));
        await().atMost(Duration.ofSeconds(30)).until(() -> moments(id).size() == 1);
        publish(TranscriptEvent.delete(id, 2, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> moments(id).isEmpty() && episodeRevision(id) == 0);

        // the tombstone outlives OpenSearch's memory of the delete (index.gc_deletes, 60 s)
        var tombstone = client.get(g -> g.index("tombstones").id(id), Map.class);
        assertTrue(tombstone.found());
        assertEquals(2, ((Number) tombstone.source().get("revision")).intValue());

        publish(upsert(id, 1, "soon gone"));
        String marker = UUID.randomUUID().toString();
        publish(id, TranscriptEventCodec.encode(upsert(id, 1, "again")));
        publish(upsert(marker, 1, "marker"));
        await().atMost(Duration.ofSeconds(30)).until(() -> moments(marker).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> moments(id)
                .isEmpty());
        assertEquals(0, episodeRevision(id));
    }

    @Test
    void everyKindOfPoisonIsDeadLetteredAndNoneBlocksThePartition() throws Exception {
        String id = UUID.randomUUID().toString();
        String futureVersion = new String(TranscriptEventCodec.encode(upsert(id, 1, "x")), StandardCharsets.UTF_8)
                .replace("\"schemaVersion\":1", "\"schemaVersion\":99");
        publish(id, futureVersion.getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>(Topics.TRANSCRIPTS, null, TranscriptEventCodec.encode(upsert(id, 1, "x"))))
                .get();
        publish(upsert(id, 1, "after the poison"));

        await().atMost(Duration.ofSeconds(30)).until(() -> moments(id).size() == 1);
        ConsumerRecord<String, byte[]> letter = deadLetterFor(id);
        assertEquals("poison", header(letter, DeadLetters.ERROR_CLASS));
        assertTrue(header(letter, DeadLetters.REASON).contains("99"), header(letter, DeadLetters.REASON));
        ConsumerRecord<String, byte[]> keyless =
                deadLetterMatching(r -> r.key() == null && new String(r.value(), StandardCharsets.UTF_8).contains(id));
        assertTrue(header(keyless, DeadLetters.REASON).contains("no key"));
    }

    @Test
    void indexesTheContractSample() throws Exception {
        TranscriptEvent sample = TranscriptEventCodec.decode(ContractSample.bytes());
        publish(sample.episodeId(), ContractSample.bytes());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> moments(sample.episodeId()).size() == 3);

        MomentDocument second = moments(sample.episodeId()).get(1);
        assertEquals("Deep seek is ditching Nvidia.", second.text());
        assertEquals("Synthesizer", second.speaker());
        assertEquals(2000L, second.startMs());
        assertEquals(2, second.revision());
    }
}
