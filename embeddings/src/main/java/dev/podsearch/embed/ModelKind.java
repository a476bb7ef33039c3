package dev.podsearch.embed;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The embedding models that ship inside Maven jars: where their files are and how they pool and prefix. */
public enum ModelKind {
    BGE_SMALL_EN_V15_Q(
            "bge-small-en-v15-q",
            "bge-small-en-v1.5-q.onnx",
            "bge-small-en-v1.5-q-tokenizer.json",
            Pooling.CLS,
            "Represent this sentence for searching relevant passages: "),
    ALL_MINILM_L6_V2_Q(
            "all-minilm-l6-v2-q", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", Pooling.MEAN, "");

    /** How token vectors become one sentence vector. */
    public enum Pooling {
        CLS,
        MEAN
    }

    public static final int DIMENSIONS = 384;

    private final String configName;
    private final String modelResource;
    private final String tokenizerResource;
    private final Pooling pooling;
    private final String queryPrefix;

    ModelKind(String configName, String modelResource, String tokenizerResource, Pooling pooling, String queryPrefix) {
        this.configName = configName;
        this.modelResource = modelResource;
        this.tokenizerResource = tokenizerResource;
        this.pooling = pooling;
        this.queryPrefix = queryPrefix;
    }

    public static ModelKind fromConfig(String name) {
        return Arrays.stream(values())
                .filter(kind -> kind.configName.equalsIgnoreCase(name.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown embedding.model '" + name + "'; one of: "
                        + Arrays.stream(values()).map(ModelKind::configName).collect(Collectors.joining(", "))));
    }

    public String configName() {
        return configName;
    }

    public String modelResource() {
        return modelResource;
    }

    public String tokenizerResource() {
        return tokenizerResource;
    }

    public Pooling pooling() {
        return pooling;
    }

    public String queryPrefix() {
        return queryPrefix;
    }
}
