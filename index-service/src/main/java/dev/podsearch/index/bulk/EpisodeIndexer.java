package dev.podsearch.index.bulk;

import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.search.EpisodeDocument;
import dev.podsearch.search.EpisodeDocuments;
import dev.podsearch.search.Indices;
import dev.podsearch.search.MomentDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

/**
 * Writes one event's documents. Every write is idempotent: ids are deterministic and versions are the revision
 * (external versioning), so a redelivered or older revision never replaces a newer one.
 */
@ApplicationScoped
public class EpisodeIndexer {

    @Inject
    OpenSearchClient client;

    /** What applying an event did. */
    public enum Outcome {
        INDEXED,
        DELETED,
        /** An older revision than the one indexed: nothing to do. */
        STALE
    }

    public Outcome apply(TranscriptEvent event) {
        try {
            return switch (event.type()) {
                case UPSERT -> upsert(event);
                case DELETE -> delete(event);
            };
        } catch (OpenSearchException e) {
            throw new IndexingException(
                    "OpenSearch answered " + e.status() + ": " + e.getMessage(),
                    IndexingException.retryableStatus(e.status()),
                    e);
        } catch (IOException e) {
            throw new IndexingException("OpenSearch unreachable: " + e.getMessage(), true, e);
        }
    }

    private Outcome upsert(TranscriptEvent event) throws IOException {
        String episodeId = event.episodeId();
        EpisodeDocument previous = indexed(episodeId);
        if (previous != null && previous.revision() > event.revision()) {
            return Outcome.STALE;
        }
        if (event.episode() == null) {
            throw new IndexingException("UPSERT event without episode metadata", false, null);
        }
        Instant addedAt = previous != null && previous.addedAt() != null ? previous.addedAt() : Instant.now();
        EpisodeDocuments documents = EpisodeDocuments.of(event, addedAt);
        List<MomentDocument> moments = documents.moments();
        List<BulkOperation> operations = new ArrayList<>(moments.size() + 1);
        for (MomentDocument moment : moments) {
            String id = Indices.momentId(episodeId, moment.ordinal());
            operations.add(BulkOperation.of(op -> op.index(ix -> ix.index(Indices.MOMENTS)
                    .id(id)
                    .version(event.revision())
                    .versionType(VersionType.External)
                    .document(moment))));
        }
        // Moments the previous revision had beyond this one's end: their ids are known, no search needed.
        int previousMoments = previous == null ? 0 : previous.moments();
        operations.addAll(deletions(episodeId, moments.size(), previousMoments, event.revision()));
        EpisodeDocument document = documents.episode();
        operations.add(BulkOperation.of(op -> op.index(ix -> ix.index(Indices.EPISODES)
                .id(episodeId)
                .version(event.revision())
                .versionType(VersionType.External)
                .document(document))));
        check(client.bulk(b -> b.operations(operations)));
        return Outcome.INDEXED;
    }

    private Outcome delete(TranscriptEvent event) throws IOException {
        String episodeId = event.episodeId();
        EpisodeDocument previous = indexed(episodeId);
        if (previous == null) {
            return Outcome.DELETED;
        }
        if (previous.revision() > event.revision()) {
            return Outcome.STALE;
        }
        List<BulkOperation> operations = new ArrayList<>(deletions(episodeId, 0, previous.moments(), event.revision()));
        operations.add(BulkOperation.of(op -> op.delete(d -> d.index(Indices.EPISODES)
                .id(episodeId)
                .version(event.revision())
                .versionType(VersionType.External))));
        check(client.bulk(b -> b.operations(operations)));
        return Outcome.DELETED;
    }

    /** Deletes moments {@code from} (inclusive) to {@code to} (exclusive) of an episode. */
    private static List<BulkOperation> deletions(String episodeId, int from, int to, long revision) {
        List<BulkOperation> operations = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String id = Indices.momentId(episodeId, i);
            operations.add(BulkOperation.of(op -> op.delete(
                    d -> d.index(Indices.MOMENTS).id(id).version(revision).versionType(VersionType.External))));
        }
        return operations;
    }

    /** The episode as indexed now (a realtime get, no refresh needed), or null. */
    private EpisodeDocument indexed(String episodeId) throws IOException {
        GetResponse<EpisodeDocument> current =
                client.get(g -> g.index(Indices.EPISODES).id(episodeId), EpisodeDocument.class);
        return current.found() ? current.source() : null;
    }

    /** Fails on the first item error that is not a version conflict (an older revision: counts as done). */
    private static void check(BulkResponse response) {
        if (!response.errors()) {
            return;
        }
        for (BulkResponseItem item : response.items()) {
            // 409: the document already has a newer revision; 404: a moment to delete was already gone.
            if (item.error() == null || item.status() == 409 || item.status() == 404) {
                continue;
            }
            throw new IndexingException(
                    "document " + item.id() + " rejected (" + item.status() + " "
                            + item.error().type() + "): " + item.error().reason(),
                    IndexingException.retryableStatus(item.status()),
                    null);
        }
    }
}
