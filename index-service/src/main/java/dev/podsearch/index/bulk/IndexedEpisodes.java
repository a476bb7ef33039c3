package dev.podsearch.index.bulk;

import dev.podsearch.events.TranscriptEvent;
import dev.podsearch.index.mapping.IndexSetup;
import dev.podsearch.search.Indices;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.MgetResponse;
import org.opensearch.client.opensearch.core.mget.MultiGetResponseItem;

/** Reads what is indexed for a batch's episodes: one multi-get of the episodes and their tombstones, realtime. */
@ApplicationScoped
class IndexedEpisodes {

    private final OpenSearchClient client;

    IndexedEpisodes(OpenSearchClient client) {
        this.client = client;
    }

    /** The episodes of the events as indexed now (the newer of episode and tombstone); absent when neither exists. */
    Map<String, EpisodeState> read(List<TranscriptEvent> events) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(e -> ids.add(e.episodeId()));
        Map<String, EpisodeState> state = new HashMap<>();
        if (ids.isEmpty()) {
            return state;
        }
        MgetResponse<Map> response = client.mget(
                m -> {
                    for (String id : ids) {
                        m.docs(d -> d.index(Indices.EPISODES)
                                .id(id)
                                .source(s -> s.filter(f -> f.includes("revision", "moments", "addedAt"))));
                        m.docs(d -> d.index(IndexSetup.TOMBSTONES).id(id));
                    }
                    return m;
                },
                Map.class);
        for (MultiGetResponseItem<Map> item : response.docs()) {
            if (item.isFailure()) { // e.g. a shard still recovering after a restart: "not found" would be a lie
                throw new IndexingException(
                        "cannot read " + item.failure().index() + "/"
                                + item.failure().id() + ": "
                                + item.failure().error().reason(),
                        true,
                        null);
            }
            if (!item.result().found()) {
                continue;
            }
            Map<?, ?> source = item.result().source();
            long revision = ((Number) source.get("revision")).longValue();
            String id = item.result().id();
            EpisodeState known = state.get(id);
            if (known != null && known.revision() >= revision) {
                continue;
            }
            if (item.result().index().startsWith(IndexSetup.TOMBSTONES)) {
                state.put(id, new EpisodeState(revision, 0, null, true));
            } else {
                Object added = source.get("addedAt");
                state.put(
                        id,
                        new EpisodeState(
                                revision,
                                ((Number) source.get("moments")).intValue(),
                                added == null ? null : Instant.parse(added.toString()),
                                false));
            }
        }
        return state;
    }
}
