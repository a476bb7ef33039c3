package dev.podsearch.index.embed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.embed.Vectors;
import java.util.List;

/**
 * What the embed stage read for one revision of an episode: the episode document and its moments (their {@code _source}
 * as stored), and, once embedded, their vectors.
 */
record MomentVectors(String episodeId, long revision, ObjectNode episode, List<Stored> moments, List<float[]> vectors) {

    /** A stored document: its id and {@code _source}. */
    record Stored(String id, ObjectNode source) {

        String text() {
            return source.path("text").asText("");
        }

        /** The same document with one more number field (a copy: what was read stays as read). */
        Stored with(String field, double value) {
            ObjectNode copy = source.deepCopy();
            copy.put(field, value);
            return new Stored(id, copy);
        }
    }

    MomentVectors withVectors(List<float[]> embedded) {
        return new MomentVectors(episodeId, revision, episode, moments, List.copyOf(embedded));
    }

    /** The episode's vector: the normalized mean of its moments' vectors. */
    float[] episodeVector() {
        return Vectors.normalizedMean(vectors);
    }
}
