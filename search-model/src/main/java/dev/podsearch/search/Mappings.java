package dev.podsearch.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The index definitions (settings, analyzers, mappings) in {@code src/main/resources/opensearch/}, by index name. */
public final class Mappings {

    /** The versioned index each alias points at when the indices are created. */
    public static final String MOMENTS_INDEX = "moments-v1";

    public static final String EPISODES_INDEX = "episodes-v1";

    /** The deleted episodes' last revisions (index-service's tombstones). */
    public static final String TOMBSTONES_INDEX = "tombstones-v1";

    private Mappings() {}

    /** The JSON body that creates {@code index}, e.g. {@code moments-v1}. */
    public static byte[] definition(String index) {
        try (InputStream in = Mappings.class.getResourceAsStream("/opensearch/" + index + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no index definition for " + index);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
