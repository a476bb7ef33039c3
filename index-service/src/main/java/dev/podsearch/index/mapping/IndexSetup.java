package dev.podsearch.index.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.index.IndexerConfig;
import dev.podsearch.search.Indices;
import dev.podsearch.search.Mappings;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * Creates the versioned indices from the mappings in search-model's {@link Mappings} and points the aliases at
 * them. Idempotent: an alias that exists is left alone, so every replica can run it at start.
 */
@ApplicationScoped
public class IndexSetup {

    /** Alias and the versioned index it points at when created here. */
    static final Map<String, String> CURRENT =
            Map.of(Indices.MOMENTS, Mappings.MOMENTS_INDEX, Indices.EPISODES, Mappings.EPISODES_INDEX);

    @Inject
    OpenSearchClient client;

    @Inject
    ObjectMapper json;

    @Inject
    IndexerConfig config;

    public void ensureIndices() throws IOException {
        for (String alias : List.of(Indices.EPISODES, Indices.MOMENTS)) {
            ensure(alias, CURRENT.get(alias));
        }
    }

    private void ensure(String alias, String index) throws IOException {
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            return;
        }
        if (!client.indices().exists(e -> e.index(index)).value()) {
            ObjectNode body = definition(index);
            body.withObject("/aliases").putObject(alias).put("is_write_index", true);
            try (Response response = client.generic()
                    .execute(Requests.create(
                            "PUT",
                            "/" + index,
                            List.of(),
                            Map.of(),
                            Body.from(json.writeValueAsBytes(body), "application/json")))) {
                String answer = response.getBody().map(Body::bodyAsString).orElse("");
                if (response.getStatus() >= 300 && !answer.contains("resource_already_exists_exception")) {
                    throw new IOException(
                            "creating index " + index + " answered " + response.getStatus() + ": " + answer);
                }
            }
            Log.infof("created index %s behind alias %s", index, alias);
        } else {
            client.indices().putAlias(a -> a.index(index).name(alias).isWriteIndex(true));
            Log.infof("pointed alias %s at existing index %s", alias, index);
        }
    }

    private ObjectNode definition(String index) {
        try {
            ObjectNode body = (ObjectNode) json.readTree(Mappings.definition(index));
            body.withObject("/settings").withObject("/index").put("number_of_replicas", config.replicas());
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
