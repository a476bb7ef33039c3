package dev.podsearch.embed;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** The {@link Embedder} over a local ONNX model: query prefix, batching and normalization. */
public final class OnnxEmbedder implements Embedder, AutoCloseable {

    private final ModelKind kind;
    private final OnnxEncoder encoder;
    private final int batchSize;

    OnnxEmbedder(ModelKind kind, OnnxEncoder encoder, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("embedding.batch-size must be at least 1, was " + batchSize);
        }
        this.kind = kind;
        this.encoder = encoder;
        this.batchSize = batchSize;
    }

    /** Loads {@code kind} from files extracted under {@code cacheDir}, with ONNX Runtime's memory arena. */
    public static OnnxEmbedder load(ModelKind kind, java.nio.file.Path cacheDir, int threads, int batchSize) {
        return load(kind, cacheDir, threads, batchSize, true);
    }

    /** Loads {@code kind} from files extracted under {@code cacheDir}; {@code memoryArena}: see {@link OnnxEncoder}. */
    public static OnnxEmbedder load(
            ModelKind kind, java.nio.file.Path cacheDir, int threads, int batchSize, boolean memoryArena) {
        NativeLibraries.keepUnder(cacheDir);
        ModelFiles.Paths files = ModelFiles.extract(kind, cacheDir);
        return new OnnxEmbedder(kind, new OnnxEncoder(files, kind.pooling(), threads, memoryArena), batchSize);
    }

    @Override
    public float[] embedQuery(String text) {
        return Vectors.normalize(
                encoder.encode(List.of(kind.queryPrefix() + text)).getFirst());
    }

    /**
     * Vectors in the order of {@code texts}. The texts are batched shortest first, so each batch is padded to a length
     * close to all of its texts' own: a batch costs what its longest text does.
     */
    @Override
    public List<float[]> embedPassages(List<String> texts) {
        int[] order = IntStream.range(0, texts.size())
                .boxed()
                .sorted(Comparator.comparingInt(i -> texts.get(i).length()))
                .mapToInt(Integer::intValue)
                .toArray();
        float[][] vectors = new float[texts.size()][];
        for (int from = 0; from < order.length; from += batchSize) {
            int[] slice = Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
            List<String> batch = Arrays.stream(slice).mapToObj(texts::get).toList();
            List<float[]> encoded = encoder.encode(batch);
            for (int k = 0; k < slice.length; k++) {
                vectors[slice[k]] = Vectors.normalize(encoded.get(k));
            }
        }
        return Arrays.asList(vectors);
    }

    @Override
    public String model() {
        return kind.configName();
    }

    @Override
    public int dimensions() {
        return ModelKind.DIMENSIONS;
    }

    @Override
    public void close() {
        encoder.close();
    }
}
