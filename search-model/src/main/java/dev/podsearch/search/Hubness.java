package dev.podsearch.search;

/**
 * A moment's <em>hubness</em>: how close its vector is to its nearest neighbours, the mean cosine to the
 * {@value #NEIGHBOURS} nearest other moments of its episode (in an episode with fewer, each missing one counts as
 * {@link #TYPICAL}: two moments of a short episode on one topic are alike without either being a hub). The embed stage stores it
 * beside the vector; the search subtracts half of it from a moment's cosine to the query (cross-domain similarity
 * local scaling), so a moment that resembles everything around it (an introduction listing the topics, a recap) does
 * not outrank the moment that discusses one, nor answer queries about something else.
 *
 * <p>Computed within the episode, not over the whole index: it depends on nothing but the episode's own vectors, so it
 * is the same however many episodes are indexed and in whatever order they arrived.
 */
public final class Hubness {

    /** The moment field that holds it. */
    public static final String FIELD = "hubness";

    /** How many neighbours it averages over. */
    public static final int NEIGHBOURS = 10;

    /**
     * The least hubness the search counts: a moment unlike everything around it is not favoured beyond this (and the
     * engine's radial search can then stop at a known distance).
     */
    public static final double MIN = 0.4;

    /**
     * What the search counts for a moment embedded before hubness was stored: about the median of the shipped model's
     * moments on the judged corpus (0.63).
     */
    public static final double TYPICAL = 0.63;

    /**
     * How much of a moment's hubness the meaning score takes off the k-NN score {@code (1 + cos) / 2}: the score is
     * {@code (1 + cos) / 2 - WEIGHT * max(hubness, MIN)} (a quarter: the same as subtracting half the hubness from the
     * cosine). The search and the alerts by meaning score with it; change it only with the floor (operations.md).
     */
    public static final double WEIGHT = 0.25;

    private Hubness() {}

    /**
     * The hubness of each of an episode's moments, from their vectors (any length; they are compared by cosine). An
     * episode of one moment has none to compare it with: it gets {@link #TYPICAL}.
     */
    public static double[] of(float[][] vectors) {
        int n = vectors.length;
        float[][] unit = new float[n][];
        for (int i = 0; i < n; i++) {
            unit[i] = unit(vectors[i]);
        }
        double[] hubness = new double[n];
        int k = Math.min(NEIGHBOURS, n - 1);
        for (int i = 0; i < n; i++) {
            if (k == 0) {
                hubness[i] = TYPICAL;
                continue;
            }
            double[] cosines = new double[n - 1];
            int c = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    cosines[c++] = dot(unit[i], unit[j]);
                }
            }
            java.util.Arrays.sort(cosines);
            double sum = 0;
            for (int j = cosines.length - k; j < cosines.length; j++) {
                sum += cosines[j];
            }
            // each missing neighbour counts as typical: a short episode says little about how alike its moments are
            hubness[i] = (sum + (NEIGHBOURS - k) * TYPICAL) / NEIGHBOURS;
        }
        return hubness;
    }

    private static float[] unit(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return u;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
