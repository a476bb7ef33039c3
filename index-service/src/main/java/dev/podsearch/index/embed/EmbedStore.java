package dev.podsearch.index.embed;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.index.bulk.IndexingException;
import dev.podsearch.index.mapping.IndexSetup;
import dev.podsearch.search.Indices;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.MgetResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.get.GetResult;
import org.opensearch.client.opensearch.core.mget.MultiGetResponseItem;

/**
 * The embed stage's reads and writes. Reads are realtime gets (no refresh needed right after the keyword write);
 * writes put the whole document back, as read plus {@code embedding}, with {@code version=<revision>} and
 * {@code version_type=external_gte}: a document of that same revision is replaced, a newer one refuses it (409). No
 * {@code _update}: it would bump the internal version past the revision and the next revision's write would be refused.
 */
@ApplicationScoped
class EmbedStore {

    static final String FIELD = "embedding";

    private final OpenSearchClient client;
    private final IndexSetup indexSetup;

    EmbedStore(OpenSearchClient client, IndexSetup indexSetup) {
        this.client = client;
        this.indexSetup = indexSetup;
    }

    /** The episode and its moments as stored, if the episode is still at {@code revision}. */
    Optional<MomentVectors> read(String episodeId, long revision) {
        return call(() -> {
            GetResponse<ObjectNode> episode =
                    client.get(g -> g.index(Indices.EPISODES).id(episodeId).sourceExcludes(FIELD), ObjectNode.class);
            if (!episode.found() || episode.version() == null || episode.version() != revision) {
                return Optional.empty();
            }
            int count = episode.source().path("moments").asInt(0);
            List<String> ids = IntStream.range(0, count)
                    .mapToObj(ordinal -> Indices.momentId(episodeId, ordinal))
                    .toList();
            List<MomentVectors.Stored> moments = new ArrayList<>();
            if (!ids.isEmpty()) {
                MgetResponse<ObjectNode> found =
                        client.mget(m -> m.index(Indices.MOMENTS).ids(ids).sourceExcludes(FIELD), ObjectNode.class);
                for (MultiGetResponseItem<ObjectNode> item : found.docs()) {
                    GetResult<ObjectNode> result = item.isResult() ? item.result() : null;
                    if (result != null
                            && result.found()
                            && Long.valueOf(revision).equals(result.version())) {
                        moments.add(new MomentVectors.Stored(result.id(), result.source()));
                    }
                }
            }
            return Optional.of(new MomentVectors(episodeId, revision, episode.source(), moments, List.of()));
        });
    }

    /** The ids among {@code ids} (of {@code index}) still stored at {@code revision}: read again just before writing. */
    Set<String> stillAt(String index, List<String> ids, long revision) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return call(() -> {
            MgetResponse<ObjectNode> found =
                    client.mget(m -> m.index(index).ids(ids).source(s -> s.fetch(false)), ObjectNode.class);
            Set<String> current = new HashSet<>();
            for (MultiGetResponseItem<ObjectNode> item : found.docs()) {
                if (item.isResult()
                        && item.result().found()
                        && Long.valueOf(revision).equals(item.result().version())) {
                    current.add(item.result().id());
                }
            }
            return current;
        });
    }

    /** Writes documents with their vectors; the answer says, per document, what happened. */
    List<Written> write(String alias, long revision, List<MomentVectors.Stored> documents, List<float[]> vectors) {
        if (documents.isEmpty()) {
            return List.of();
        }
        return call(() -> {
            List<String> targets = indexSetup.writeTargets(alias);
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (int i = 0; i < documents.size(); i++) {
                MomentVectors.Stored document = documents.get(i);
                ObjectNode source = document.source().deepCopy();
                source.set(FIELD, array(vectors.get(i)));
                for (String target : targets) {
                    bulk.operations(op -> op.index(put -> put.index(target)
                            .id(document.id())
                            .version(revision)
                            .versionType(VersionType.ExternalGte)
                            .document(source)));
                }
            }
            BulkResponse response = client.bulk(bulk.build());
            List<Written> written = new ArrayList<>();
            for (BulkResponseItem item : response.items()) {
                String error = item.error() == null
                        ? null
                        : item.error().type() + ": " + item.error().reason();
                if (IndexingException.retryableStatus(item.status())) {
                    throw new IndexingException("embedding write answered " + item.status() + " " + error, true, null);
                }
                written.add(new Written(item.id(), item.index(), item.status(), error));
            }
            return written;
        });
    }

    /** What became of one document write: 200/201 written, 409 a newer revision is there, anything else refused. */
    record Written(String id, String index, int status, String error) {

        boolean landed() {
            return status == 200 || status == 201;
        }

        boolean stale() {
            return status == 409;
        }
    }

    private static ArrayNode array(float[] vector) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(vector.length);
        for (float value : vector) {
            array.add(value);
        }
        return array;
    }

    private interface EngineCall<T> {
        T call() throws IOException;
    }

    /** An engine call; failures that time may fix (I/O, 429, 5xx) are retryable, others are not. */
    private static <T> T call(EngineCall<T> call) {
        try {
            return call.call();
        } catch (OpenSearchException e) {
            throw new IndexingException(e.getMessage(), IndexingException.retryableStatus(e.status()), e);
        } catch (IOException e) {
            throw new IndexingException(e.getMessage(), true, e);
        }
    }
}
