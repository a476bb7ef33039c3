package dev.podsearch.index.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.index.IndexerConfig;
import dev.podsearch.search.Indices;
import dev.podsearch.search.Mappings;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Response;

/**
 * Creates the versioned indices from search-model's {@link Mappings} and points the aliases at them. Idempotent: an
 * alias that exists is left alone, so every replica can run it at start.
 *
 * <p>While a reindex runs, the alias {@code <alias>-next} names the index being built; {@link #writeTargets} then
 * returns both, so that every write reaches the new index too and none is lost when the aliases swap.
 */
@ApplicationScoped
public class IndexSetup {

    /** Deleted episodes' last revisions: see the indexer. */
    public static final String TOMBSTONES = "tombstones";

    static final String NEXT = "-next";

    @Inject
    OpenSearchClient client;

    @Inject
    ObjectMapper json;

    @Inject
    IndexerConfig config;

    @Inject
    EngineCalls engine;

    @Inject
    IndexUpgrade upgrade;

    public void ensureIndices() throws IOException {
        ensure(Indices.EPISODES, Mappings.EPISODES_INDEX, Mappings.EPISODES_INDEX);
        ensure(Indices.MOMENTS, Mappings.MOMENTS_INDEX, Mappings.MOMENTS_INDEX);
        ensure(TOMBSTONES, Mappings.TOMBSTONES_INDEX, Mappings.TOMBSTONES_INDEX);
    }

    void ensure(String alias, String index, String definition) throws IOException {
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            JsonNode current = json.readTree(Mappings.definition(definition));
            for (String existing : aliased(alias)) {
                upgrade.apply(existing, alias, current, definition);
            }
            return;
        }
        if (!client.indices().exists(e -> e.index(index)).value()) {
            create(index, definition, alias);
            Log.infof("created index %s behind alias %s", index, alias);
        } else {
            client.indices().putAlias(a -> a.index(index).name(alias).isWriteIndex(true));
            Log.infof("pointed alias %s at existing index %s", alias, index);
        }
    }

    /** Creates {@code index} from a definition, with {@code alias} pointing at it (as write index). */
    public void create(String index, String definition, String alias) throws IOException {
        ObjectNode body = (ObjectNode) json.readTree(Mappings.definition(definition));
        ObjectNode settings = body.withObject("/settings").withObject("/index");
        settings.put("number_of_replicas", config.replicas());
        settings.put("number_of_shards", config.shards());
        body.withObject("/aliases").putObject(alias).put("is_write_index", true);
        try (Response response = request("PUT", "/" + index, json.writeValueAsBytes(body))) {
            String answer = response.getBody().map(Body::bodyAsString).orElse("");
            if (response.getStatus() >= 300 && !answer.contains("resource_already_exists_exception")) {
                throw new IOException("creating index " + index + " answered " + response.getStatus() + ": " + answer);
            }
        }
    }

    /** The index an alias points at. */
    public String indexOf(String alias) throws IOException {
        List<String> indices = aliased(alias);
        if (indices.isEmpty()) {
            throw new IOException("alias " + alias + " points at no index");
        }
        return indices.getFirst();
    }

    /**
     * The indices a write for {@code alias} goes to: the alias, and the index a reindex is building, if any. Read at
     * most once a second ({@link #TARGETS_TTL_MS}): a reindex waits {@code indexer.reindex-grace} (longer) before it
     * copies, so every replica writes to the new index by then.
     */
    public List<String> writeTargets(String alias) throws IOException {
        Targets cached = targets.get(alias);
        long now = System.currentTimeMillis();
        if (cached != null && cached.readAt() + TARGETS_TTL_MS > now) {
            return cached.indices();
        }
        List<String> indices = new ArrayList<>();
        indices.add(alias);
        indices.addAll(aliased(alias + NEXT));
        targets.put(alias, new Targets(List.copyOf(indices), now));
        return indices;
    }

    public static final long TARGETS_TTL_MS = 1000;

    private record Targets(List<String> indices, long readAt) {}

    private final java.util.concurrent.ConcurrentHashMap<String, Targets> targets =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The indices {@code alias} points at; none if it does not exist. */
    List<String> aliased(String alias) throws IOException {
        try (Response response = request("GET", "/_alias/" + alias, null)) {
            if (response.getStatus() == 404) {
                return List.of();
            }
            String answer = response.getBody().map(Body::bodyAsString).orElse("{}");
            if (response.getStatus() >= 300) {
                throw new IOException("reading alias " + alias + " answered " + response.getStatus() + ": " + answer);
            }
            List<String> indices = new ArrayList<>();
            Iterator<String> names = json.readTree(answer).fieldNames();
            names.forEachRemaining(indices::add);
            return indices;
        }
    }

    /** A request the typed client has no method for; the caller closes the response. */
    public Response request(String method, String path, byte[] body) throws IOException {
        return engine.request(method, path, body);
    }

    /** A request whose JSON answer is wanted; fails on an error status. */
    public JsonNode call(String method, String path, Object body) throws IOException {
        return engine.call(method, path, body);
    }
}
