package dev.podsearch.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a BERT-style ONNX encoder on a batch of texts at once: one tensor of {@code [batch, longest]} token ids, padded
 * and masked, so a batch costs one model call instead of one per text. langchain4j's {@code OnnxEmbeddingModel} encodes
 * text by text with a session of default options (one intra-op thread per core); here the session's threads are
 * bounded by {@code embedding.threads}. Texts over 512 tokens are truncated (moments are far shorter). Without the
 * memory arena ({@code embedding.memory-arena=false}) ONNX Runtime neither keeps freed tensors in its own arena nor
 * plans buffers per input shape: for short queries of every length from several threads that keeps resident memory
 * lower, for a few percent of speed (docs/benchmarks.md, "Memory").
 */
final class OnnxEncoder implements AutoCloseable {

    private static final int MAX_TOKENS = 512;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final ModelKind.Pooling pooling;
    private final boolean wantsTypeIds;

    OnnxEncoder(ModelFiles.Paths files, ModelKind.Pooling pooling, int threads, boolean memoryArena) {
        this.pooling = pooling;
        this.environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setCPUArenaAllocator(memoryArena);
            options.setMemoryPatternOptimization(memoryArena);
            this.session = environment.createSession(files.model().toString(), options);
            Set<String> inputs = session.getInputNames();
            this.wantsTypeIds = inputs.contains("token_type_ids");
            this.tokenizer = HuggingFaceTokenizer.newInstance(
                    files.tokenizer(),
                    Map.of("padding", "true", "truncation", "true", "maxLength", Integer.toString(MAX_TOKENS)));
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load ONNX model " + files.model(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load tokenizer " + files.tokenizer(), e);
        }
    }

    /** Unnormalized sentence vectors, one per text, in order. */
    List<float[]> encode(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        int batch = encodings.length;
        int length = encodings[0].getIds().length;
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        long[] types = new long[batch * length];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(encodings[i].getIds(), 0, ids, i * length, length);
            System.arraycopy(encodings[i].getAttentionMask(), 0, mask, i * length, length);
            System.arraycopy(encodings[i].getTypeIds(), 0, types, i * length, length);
        }
        long[] shape = {batch, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (wantsTypeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                List<float[]> vectors = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    vectors.add(pool(hidden[i], encodings[i].getAttentionMask()));
                }
                return vectors;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX inference failed", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private float[] pool(float[][] tokens, long[] mask) {
        if (pooling == ModelKind.Pooling.CLS) {
            return tokens[0].clone();
        }
        float[] sum = new float[tokens[0].length];
        int count = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            count++;
            for (int d = 0; d < sum.length; d++) {
                sum[d] += tokens[t][d];
            }
        }
        for (int d = 0; d < sum.length; d++) {
            sum[d] /= Math.max(count, 1);
        }
        return sum;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        } finally {
            tokenizer.close();
        }
    }
}
