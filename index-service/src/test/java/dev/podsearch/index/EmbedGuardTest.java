package dev.podsearch.index;

import static dev.podsearch.index.EmbedTestSupport.cosine;
import static dev.podsearch.index.EmbedTestSupport.count;
import static dev.podsearch.index.EmbedTestSupport.outcomes;
import static dev.podsearch.index.EmbedTestSupport.stored;
import static dev.podsearch.index.EmbedTestSupport.storedMoments;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.embed.Embedder;
import dev.podsearch.embed.Embeddings;
import dev.podsearch.embed.Vectors;
import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.index.EmbedTestSupport.Stored;
import dev.podsearch.index.embed.EpisodeEmbedder;
import dev.podsearch.search.Indices;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The revision guard of the embed stage on real OpenSearch, driven step by step: the stage's consumer is off in tests
 * (see EmbedStageTest for it), the test calls the stage's handler at the moment it wants (and acts while it embeds).
 */
@QuarkusTest
class EmbedGuardTest extends IndexTestBase {

    private static final String[] BASEBALL = {
        "he hit a walk-off homer in the bottom of the ninth", "the bullpen blew the lead again", "extra innings tonight"
    };
    private static final String[] BAKING = {
        "feed the sourdough starter with rye flour", "the crumb needs a longer proof"
    };

    @Inject
    EpisodeEmbedder stage;

    @Inject
    Embeddings embeddings;

    Embedder embedder;

    @BeforeEach
    void model() {
        embedder = embeddings.embedder().orElseThrow();
    }

    private String indexed(long revision, String... lines) throws Exception {
        String id = UUID.randomUUID().toString();
        publishAndWait(id, revision, lines);
        return id;
    }

    private void publishAndWait(String id, long revision, String... lines) throws Exception {
        publish(upsert(id, revision, lines));
        await().atMost(Duration.ofSeconds(30)).until(() -> episodeRevision(id) == revision);
    }

    @Test
    void embedsTheMomentsAndTheEpisodeOfTheRevision() throws Exception {
        String id = indexed(1, BASEBALL);

        EpisodeEmbedder.Result result = stage.embed(id, 1, embedder);

        assertEquals(EpisodeEmbedder.Status.EMBEDDED, result.status());
        assertEquals(3, result.moments());
        List<float[]> expected = embedder.embedPassages(List.of(BASEBALL));
        List<Stored> moments = storedMoments(client, id, 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(1, moments.get(i).version(), "the version stays the revision");
            assertEquals(BASEBALL[i], moments.get(i).source().path("text").asText());
            assertEquals(1.0, cosine(expected.get(i), moments.get(i).vector()), 1e-5);
        }
        Stored episode = stored(client, Indices.EPISODES, id);
        assertEquals(1, episode.version());
        assertEquals("Episode " + id, episode.source().path("title").asText());
        assertEquals(1.0, cosine(Vectors.normalizedMean(expected), episode.vector()), 1e-5);
    }

    @Test
    void anEpisodeTheModelFailsOnTwiceIsPassedOverKeepingItsWordsFindable() throws Exception {
        String id = indexed(1, BASEBALL);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        EpisodeEmbedder.Result result = stage.embed(id, 1, failing(embedder, calls, Integer.MAX_VALUE));

        assertEquals(EpisodeEmbedder.Status.REFUSED, result.status(), "not thrown: the stage goes on to the next");
        assertEquals(2, calls.get(), "asked once more, not for ever");
        assertEquals(3, result.skipped());
        List<Stored> moments = storedMoments(client, id, 3);
        assertTrue(moments.stream().allMatch(m -> m.vector() == null && m.version() == 1), "the words stay indexed");
        assertEquals(BASEBALL[0], moments.get(0).source().path("text").asText());
        assertNull(stored(client, Indices.EPISODES, id).vector());
    }

    @Test
    void aModelThatFailsOnceIsAskedAgainAndTheEpisodeEmbedded() throws Exception {
        String id = indexed(1, BASEBALL);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        EpisodeEmbedder.Result result = stage.embed(id, 1, failing(embedder, calls, 1));

        assertEquals(EpisodeEmbedder.Status.EMBEDDED, result.status());
        assertEquals(2, calls.get());
        assertTrue(storedMoments(client, id, 3).stream().allMatch(m -> m.vector() != null));
    }

    /** The real model, failing on its first {@code failures} calls for passages. */
    private static Embedder failing(Embedder model, java.util.concurrent.atomic.AtomicInteger calls, int failures) {
        return new Embedder() {
            @Override
            public float[] embedQuery(String text) {
                return model.embedQuery(text);
            }

            @Override
            public List<float[]> embedPassages(List<String> texts) {
                if (calls.incrementAndGet() <= failures) {
                    throw new IllegalStateException("ONNX Runtime: input too long (a test's failing model)");
                }
                return model.embedPassages(texts);
            }

            @Override
            public String model() {
                return model.model();
            }

            @Override
            public int dimensions() {
                return model.dimensions();
            }
        };
    }

    @Test
    void anOlderRevisionsVectorsNeverLandOnANewerRevision() throws Exception {
        String id = indexed(1, BASEBALL);
        publishAndWait(id, 2, BAKING);

        EpisodeEmbedder.Result result = stage.embed(id, 1, embedder);

        assertEquals(EpisodeEmbedder.Status.STALE, result.status());
        assertTrue(storedMoments(client, id, 2).stream().allMatch(m -> m.vector() == null && m.version() == 2));
        assertNull(stored(client, Indices.MOMENTS, Indices.momentId(id, 2)), "rev 2 has two moments");
        assertNull(stored(client, Indices.EPISODES, id).vector());
    }

    @Test
    void aNewerRevisionIndexedWhileEmbeddingKeepsTheOlderVectorsOut() throws Exception {
        String id = indexed(1, BASEBALL);

        EpisodeEmbedder.Result result = stage.embed(id, 1, EmbedTestSupport.interleaving(embedder, texts -> {
            try {
                publishAndWait(id, 2, BAKING);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));

        assertEquals(EpisodeEmbedder.Status.STALE, result.status());
        List<Stored> moments = storedMoments(client, id, 3);
        assertTrue(moments.subList(0, 2).stream().allMatch(m -> m.vector() == null && m.version() == 2));
        assertNull(moments.get(2), "the third moment of rev 1 is gone and stays gone");
        assertNull(stored(client, Indices.EPISODES, id).vector());
    }

    @Test
    void theIndexerStillWritesTheNextRevisionOverEmbeddedMoments() throws Exception {
        String id = indexed(1, BASEBALL);
        assertEquals(
                EpisodeEmbedder.Status.EMBEDDED, stage.embed(id, 1, embedder).status());

        publishAndWait(id, 2, BAKING);

        List<Stored> moments = storedMoments(client, id, 3);
        assertEquals(BAKING[0], moments.get(0).source().path("text").asText());
        assertTrue(moments.subList(0, 2).stream().allMatch(m -> m.version() == 2 && m.vector() == null));
        assertNull(moments.get(2));
        // and the new revision gets its own vectors
        assertEquals(
                EpisodeEmbedder.Status.EMBEDDED, stage.embed(id, 2, embedder).status());
        List<float[]> expected = embedder.embedPassages(List.of(BAKING));
        moments = storedMoments(client, id, 2);
        for (int i = 0; i < 2; i++) {
            assertEquals(2, moments.get(i).version());
            assertEquals(1.0, cosine(expected.get(i), moments.get(i).vector()), 1e-5);
        }
    }

    @Test
    void aRedeliveredOutcomeLeavesTheSameDocuments() throws Exception {
        String id = indexed(1, BASEBALL);
        stage.embed(id, 1, embedder);
        List<Stored> first = storedMoments(client, id, 3);
        Stored firstEpisode = stored(client, Indices.EPISODES, id);

        assertEquals(
                EpisodeEmbedder.Status.EMBEDDED, stage.embed(id, 1, embedder).status());

        List<Stored> again = storedMoments(client, id, 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(first.get(i).version(), again.get(i).version());
            assertEquals(first.get(i).source(), again.get(i).source());
        }
        Stored episode = stored(client, Indices.EPISODES, id);
        assertEquals(firstEpisode.version(), episode.version());
        assertEquals(firstEpisode.source(), episode.source());
    }

    @Test
    void aDeleteWhileEmbeddingLeavesNothingBehind() throws Exception {
        String id = indexed(1, BASEBALL);

        EpisodeEmbedder.Result result = stage.embed(id, 1, EmbedTestSupport.interleaving(embedder, texts -> {
            try {
                publish(TranscriptEvent.delete(id, 2, Instant.now()));
                await().atMost(Duration.ofSeconds(30)).until(() -> episodeRevision(id) == 0);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));

        assertEquals(EpisodeEmbedder.Status.STALE, result.status());
        assertTrue(moments(id).isEmpty());
        assertTrue(storedMoments(client, id, 3).stream().allMatch(m -> m == null));
        assertNull(stored(client, Indices.EPISODES, id));
    }

    @Test
    void aRedeliveredRevisionKeepsItsVectors() throws Exception {
        String id = indexed(1, BASEBALL);
        stage.embed(id, 1, embedder);
        List<Long> written = seqNos(id);

        publish(upsert(id, 1, BASEBALL)); // the keyword indexer gets the same revision again

        // it writes it again (a version conflict, counted as done) and announces it again
        assertEquals(2, count(outcomes(bootstrap, id, o -> count(o, "INDEXED") >= 2), "INDEXED"));
        assertEquals(written, seqNos(id), "no document was written again");
        assertTrue(storedMoments(client, id, 3).stream().allMatch(m -> m.vector() != null));
        assertNotNull(stored(client, Indices.EPISODES, id).vector());
    }

    /** The sequence numbers of the episode's documents: they change with every write. */
    private List<Long> seqNos(String id) throws Exception {
        List<Long> seqNos = new java.util.ArrayList<>();
        for (String docId : List.of(Indices.momentId(id, 0), Indices.momentId(id, 1), Indices.momentId(id, 2))) {
            seqNos.add(client.get(g -> g.index(Indices.MOMENTS).id(docId), Object.class)
                    .seqNo());
        }
        seqNos.add(
                client.get(g -> g.index(Indices.EPISODES).id(id), Object.class).seqNo());
        return seqNos;
    }
}
