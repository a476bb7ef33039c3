package dev.podsearch.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both shipped models, loaded for real from extracted files. */
class OnnxEmbedderTest {

    private static final String WALK_OFF = "He hit a walk-off homer in the bottom of the ninth to win it.";
    private static final String LATE_HIT = "a late game-winning hit";
    private static final String SOURDOUGH = "Feed the sourdough starter twice a day with equal parts flour and water.";

    private static final List<String> TEXTS =
            List.of(WALK_OFF, "short", SOURDOUGH, "The rookie closer blew the save in extra innings.");

    @TempDir
    static Path cache;

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void vectorsHave384UnitLengthDimensions(ModelKind kind) {
        try (OnnxEmbedder embedder = OnnxEmbedder.load(kind, cache, 1, 8)) {
            float[] query = embedder.embedQuery(LATE_HIT);
            List<float[]> passages = embedder.embedPassages(List.of(WALK_OFF, SOURDOUGH, "short"));

            assertEquals(384, embedder.dimensions());
            assertEquals(kind.configName(), embedder.model());
            assertEquals(3, passages.size());
            for (float[] vector : List.of(query, passages.get(0), passages.get(1), passages.get(2))) {
                assertEquals(384, vector.length);
                assertEquals(1.0, Vectors.dot(vector, vector), 1e-4);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void paraphraseIsCloserThanAnUnrelatedSentence(ModelKind kind) {
        try (OnnxEmbedder embedder = OnnxEmbedder.load(kind, cache, 1, 8)) {
            float[] query = embedder.embedQuery(LATE_HIT);
            List<float[]> passages = embedder.embedPassages(List.of(WALK_OFF, SOURDOUGH));

            double paraphrase = Vectors.dot(query, passages.get(0));
            double unrelated = Vectors.dot(query, passages.get(1));
            assertTrue(
                    paraphrase > unrelated + 0.05,
                    kind + ": paraphrase " + paraphrase + " should beat unrelated " + unrelated);
        }
    }

    /** One text per model call gives exactly the vector langchain4j's own encoder gives that text. */
    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void unbatchedVectorsMatchLangchain4j(ModelKind kind) {
        ModelFiles.Paths files = ModelFiles.extract(kind, cache);
        OnnxEmbeddingModel reference = new OnnxEmbeddingModel(
                files.model(),
                files.tokenizer(),
                kind.pooling() == ModelKind.Pooling.CLS ? PoolingMode.CLS : PoolingMode.MEAN);
        try (OnnxEmbedder embedder = OnnxEmbedder.load(kind, cache, 1, 1)) {
            List<float[]> vectors = embedder.embedPassages(TEXTS);
            for (int i = 0; i < TEXTS.size(); i++) {
                float[] expected = reference.embed(TEXTS.get(i)).content().vector();
                assertEquals(1.0, Vectors.dot(expected, vectors.get(i)), 1e-5, kind + " text " + i);
            }
        }
    }

    /**
     * The quantized models quantize activations per tensor, so in a batch a text's vector depends slightly on its
     * companions: close to the unbatched vector, and the same batch always gives the same vectors.
     */
    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void batchedVectorsStayCloseToUnbatchedAndRepeatExactly(ModelKind kind) {
        try (OnnxEmbedder single = OnnxEmbedder.load(kind, cache, 1, 1);
                OnnxEmbedder batched = OnnxEmbedder.load(kind, cache, 1, 4)) {
            List<float[]> alone = single.embedPassages(TEXTS);
            List<float[]> first = batched.embedPassages(TEXTS);
            List<float[]> again = batched.embedPassages(TEXTS);
            for (int i = 0; i < TEXTS.size(); i++) {
                assertTrue(Vectors.dot(alone.get(i), first.get(i)) > 0.95, kind + " text " + i);
                assertArrayEquals(first.get(i), again.get(i), kind + " text " + i);
            }
        }
    }

    /**
     * Texts are batched shortest first, so a batch's companions do not depend on the order they came in: the same texts
     * rotated by one (in the order given, every batch of two would have other companions) give the same vectors, each
     * at its own text's place.
     */
    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void batchesByLengthAndAnswersInTheTextsOrder(ModelKind kind) {
        try (OnnxEmbedder single = OnnxEmbedder.load(kind, cache, 1, 1);
                OnnxEmbedder batched = OnnxEmbedder.load(kind, cache, 1, 2)) {
            List<float[]> forward = batched.embedPassages(TEXTS);
            List<String> rotated = new ArrayList<>(TEXTS);
            Collections.rotate(rotated, 1);
            List<float[]> shifted = batched.embedPassages(rotated);
            List<float[]> alone = single.embedPassages(TEXTS);
            for (int i = 0; i < TEXTS.size(); i++) {
                assertArrayEquals(forward.get(i), shifted.get((i + 1) % TEXTS.size()), kind + " text " + i);
                for (int j = 0; j < TEXTS.size(); j++) {
                    if (j != i) {
                        assertTrue(
                                Vectors.dot(alone.get(i), forward.get(i)) > Vectors.dot(alone.get(j), forward.get(i)),
                                kind + " text " + i + " is nearer text " + j + "'s own vector than its own");
                    }
                }
            }
        }
    }

    /** Without ONNX Runtime's memory arena (query-service) the model computes the very same vectors. */
    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void withoutTheMemoryArenaTheVectorsAreTheSame(ModelKind kind) {
        try (OnnxEmbedder arena = OnnxEmbedder.load(kind, cache, 1, 4, true);
                OnnxEmbedder lean = OnnxEmbedder.load(kind, cache, 1, 4, false)) {
            assertArrayEquals(arena.embedQuery(LATE_HIT), lean.embedQuery(LATE_HIT), kind.configName());
            List<float[]> expected = arena.embedPassages(TEXTS);
            List<float[]> actual = lean.embedPassages(TEXTS);
            for (int i = 0; i < TEXTS.size(); i++) {
                assertArrayEquals(expected.get(i), actual.get(i), kind + " text " + i);
            }
        }
    }
}
