package dev.podsearch.alert.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.alert.percolate.OpenSearchRequests;
import dev.podsearch.search.Indices;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one revision's moments from the moments index (their source without the vector), in order. None when the
 * index holds another revision now (a newer one arrived, or the episode was deleted): that revision's event is the one
 * to match then. An outcome usually arrives before the index's periodic refresh (250 ms) has made all of the
 * revision's writes searchable (none, or only some of its moments: seen end to end), so the matcher calls {@link
 * #refresh()} once per poll before reading: the writes an outcome announces were acknowledged before it was published.
 */
@ApplicationScoped
public class MomentReader {

    /** More moments than any episode has (a moment spans up to 30 s: 10,000 are 80 hours). */
    static final int MAX_MOMENTS = 10_000;

    /** The moment field of its vector. */
    public static final String EMBEDDING = "embedding";

    @Inject
    OpenSearchRequests engine;

    @Inject
    ObjectMapper json;

    public List<ObjectNode> read(String episodeId, long revision) {
        return read(episodeId, revision, false);
    }

    /** The moments, with their {@code embedding} when {@code vectors} (the meaning phase). */
    /** Makes every acknowledged write to the moments index searchable. */
    public void refresh() {
        engine.send("POST", "/" + Indices.MOMENTS + "/_refresh", null);
    }

    public List<ObjectNode> read(String episodeId, long revision, boolean vectors) {
        ObjectNode body = json.createObjectNode();
        body.put("size", MAX_MOMENTS);
        if (!vectors) {
            body.putObject("_source").putArray("excludes").add(EMBEDDING);
        }
        body.putArray("sort").addObject().put("ordinal", "asc");
        var filter = body.putObject("query").putObject("bool").putArray("filter");
        filter.addObject().putObject("term").put("episodeId", episodeId);
        filter.addObject().putObject("term").put("revision", revision);
        JsonNode answer = engine.send("POST", "/" + Indices.MOMENTS + "/_search", body);
        List<ObjectNode> moments = new ArrayList<>();
        answer.path("hits").path("hits").forEach(hit -> moments.add((ObjectNode) hit.path("_source")));
        return moments;
    }
}
