package dev.podsearch.embed;

import java.util.List;

/** Turns text into L2-normalized vectors of {@link #dimensions()} floats, in process. */
public interface Embedder {

    /** A search query: models trained with an instruction (bge) get their query prefix. */
    float[] embedQuery(String text);

    /** Passages (moments), encoded in batches of {@code embedding.batch-size}; one vector per text, in order. */
    List<float[]> embedPassages(List<String> texts);

    /** The configured model name, e.g. {@code bge-small-en-v15-q}. */
    String model();

    int dimensions();
}
