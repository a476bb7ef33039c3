package dev.podsearch.bench;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Stand-in vectors for the query benchmark's generated moments: a pseudo-random unit vector of the model's 384
 * dimensions, seeded by the moment's id, so the same corpus always gets the same vectors. A k-NN search's cost depends
 * on the graph's size and the vectors' dimension, not on what the vectors mean, and random high-dimensional vectors
 * are if anything harder for HNSW than real ones (no clusters to descend into); embedding 125,000 moments with the real
 * model would take half an hour here.
 */
final class MomentVectors {

    static final int DIMENSIONS = 384;

    private MomentVectors() {}

    /** The moment's vector: Gaussian components, normalized, so its direction is uniform on the sphere. */
    static float[] of(String momentId) {
        SplittableRandom random = new SplittableRandom(fnv1a(momentId));
        double[] values = new double[DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < DIMENSIONS; i++) {
            values[i] = random.nextGaussian();
            norm += values[i] * values[i];
        }
        norm = Math.sqrt(norm);
        float[] vector = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] = (float) (values[i] / norm);
        }
        return vector;
    }

    /** The vector as a JSON array. */
    static String json(float[] vector) {
        StringBuilder out = new StringBuilder(vector.length * 12);
        out.append('[');
        for (int i = 0; i < vector.length; i++) {
            out.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return out.append(']').toString();
    }

    /** A 64-bit FNV-1a hash of the id's bytes: a seed that differs for every id. */
    private static long fnv1a(String id) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
