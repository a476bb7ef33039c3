package dev.podsearch.embed;

import java.util.ArrayList;
import java.util.List;

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

    /** Loads {@code kind} from files extracted under {@code cacheDir}. */
    public static OnnxEmbedder load(ModelKind kind, java.nio.file.Path cacheDir, int threads, int batchSize) {
        NativeLibraries.keepUnder(cacheDir);
        ModelFiles.Paths files = ModelFiles.extract(kind, cacheDir);
        return new OnnxEmbedder(kind, new OnnxEncoder(files, kind.pooling(), threads), batchSize);
    }

    @Override
    public float[] embedQuery(String text) {
        return Vectors.normalize(
                encoder.encode(List.of(kind.queryPrefix() + text)).getFirst());
    }

    @Override
    public List<float[]> embedPassages(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + batchSize));
            for (float[] vector : encoder.encode(batch)) {
                vectors.add(Vectors.normalize(vector));
            }
        }
        return vectors;
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
