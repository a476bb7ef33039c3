package dev.podsearch.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HubnessTest {

    @Test
    void aMomentLikeEveryOtherHasAHigherHubnessThanOneUnlikeThem() {
        // four moments close together (the fourth between them all) and one off on its own
        float[][] vectors = {{1, 0, 0}, {1, 0.1f, 0}, {0.9f, 0.2f, 0}, {1, 0.1f, 0.1f}, {0, 0, 1}};
        double[] hubness = Hubness.of(vectors);
        assertEquals(5, hubness.length);
        assertTrue(hubness[3] > hubness[4], () -> hubness[3] + " <= " + hubness[4]);
        for (int i = 0; i < 4; i++) {
            assertTrue(hubness[4] < hubness[i] - 0.05, "the lone moment is the least of a hub");
        }
        for (double h : hubness) {
            assertTrue(h >= -1 && h <= 1, () -> "a mean cosine out of range: " + h);
        }
    }

    @Test
    void itIsTheMeanCosineToTheNearestNeighboursOfTheEpisodeAtMostTen() {
        // twelve moments in one direction and one orthogonal: the ten nearest of each of the twelve are its twins
        float[][] vectors = new float[13][];
        for (int i = 0; i < 12; i++) {
            vectors[i] = new float[] {2, 0};
        }
        vectors[12] = new float[] {0, 3};
        double[] hubness = Hubness.of(vectors);
        assertEquals(1.0, hubness[0], 1e-6);
        // the orthogonal one: its ten nearest are ten of the twelve, at cosine 0
        assertEquals(0.0, hubness[12], 1e-6);
        // five moments: four neighbours each, six missing ones counted as typical
        double[] five = Hubness.of(new float[][] {{1, 0}, {1, 0}, {1, 0}, {1, 0}, {1, 0}});
        assertEquals((4 + 6 * Hubness.TYPICAL) / 10, five[0], 1e-6);
        // two moments: each one's only neighbour, and nine missing ones counted as typical
        double[] pair = Hubness.of(new float[][] {{1, 0}, {1, 1}});
        assertEquals((Math.sqrt(0.5) + 9 * Hubness.TYPICAL) / 10, pair[0], 1e-6);
        assertEquals(pair[0], pair[1], 1e-9);
    }

    @Test
    void aMomentWithNoNeighbourCountsAsTypical() {
        assertArrayEquals(new double[] {Hubness.TYPICAL}, Hubness.of(new float[][] {{1, 2, 3}}));
        assertEquals(0, Hubness.of(new float[0][]).length);
    }
}
