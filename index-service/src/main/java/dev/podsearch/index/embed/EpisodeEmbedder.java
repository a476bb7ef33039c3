package dev.podsearch.index.embed;

import dev.podsearch.embed.Embedder;
import dev.podsearch.index.IndexFacts;
import dev.podsearch.search.Hubness;
import dev.podsearch.search.Indices;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Embeds one indexed revision of an episode: reads its moments (realtime), embeds their text in batches, reads their
 * versions again (embedding takes seconds; a newer revision or a delete may have come meanwhile), writes the vectors
 * of the moments still at that revision, then the episode's vector (the normalized mean). Every write is guarded by
 * the revision ({@link EmbedStore}), so an older revision's vectors never land on a newer revision's documents, and a
 * redelivery writes the same documents again.
 */
@ApplicationScoped
public class EpisodeEmbedder {

    /**
     * EMBEDDED: the episode's vector landed. STALE: a newer revision or a delete came first. REFUSED: the engine
     * refused a vector, or the model failed on the episode's text twice; see the log.
     */
    public enum Status {
        EMBEDDED,
        STALE,
        REFUSED
    }

    public record Result(Status status, int moments, int skipped) {}

    private final EmbedStore store;
    private final MeterRegistry metrics;

    EpisodeEmbedder(EmbedStore store, MeterRegistry metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    public Result embed(String episodeId, long revision, Embedder embedder) {
        Optional<MomentVectors> read = store.read(episodeId, revision);
        if (read.isEmpty()) {
            skipped("stale", 1);
            return new Result(Status.STALE, 0, 0);
        }
        MomentVectors episode = read.get();
        if (episode.moments().isEmpty()) {
            return new Result(Status.STALE, 0, 0);
        }
        List<String> texts =
                episode.moments().stream().map(MomentVectors.Stored::text).toList();
        Timer.Sample sample = Timer.start(metrics);
        List<float[]> vectors;
        try {
            vectors = embedTwice(texts, embedder);
        } catch (RuntimeException e) {
            return modelFailed(episode, e);
        }
        sample.stop(Timer.builder(IndexFacts.EMBED_BATCH)
                .description("time to embed the moments of one episode (model calls of embedding.batch-size)")
                .register(metrics));
        counter(IndexFacts.EMBED_PASSAGES, "moments embedded").increment(vectors.size());
        return write(episode.withVectors(vectors));
    }

    /**
     * The model's answer, asked again once if it throws. A model in process fails the same way on the same text, so
     * a third try would only hold every later episode up (the stage would never get past this one).
     */
    private static List<float[]> embedTwice(List<String> texts, Embedder embedder) {
        try {
            return embedder.embedPassages(texts);
        } catch (RuntimeException first) {
            Log.warnf("embedding model failed (%s); trying once more", first.getMessage());
            return embedder.embedPassages(texts);
        }
    }

    private Result modelFailed(MomentVectors episode, RuntimeException e) {
        Log.errorf(
                e,
                "episode %s revision %d: the embedding model failed twice on its %d moments (%s): passed over without"
                        + " vectors. It stays findable by its words (keyword search and the keyword side of hybrid);"
                        + " a new revision of the episode is embedded again",
                episode.episodeId(),
                episode.revision(),
                episode.moments().size(),
                e.getMessage());
        skipped("model-error", episode.moments().size());
        return new Result(Status.REFUSED, 0, episode.moments().size());
    }

    private Result write(MomentVectors episode) {
        List<String> ids =
                episode.moments().stream().map(MomentVectors.Stored::id).toList();
        Set<String> current = store.stillAt(Indices.MOMENTS, ids, episode.revision());
        double[] hubness = Hubness.of(episode.vectors().toArray(float[][]::new));
        List<MomentVectors.Stored> documents = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (current.contains(ids.get(i))) {
                documents.add(episode.moments().get(i).with(Hubness.FIELD, hubness[i]));
                vectors.add(episode.vectors().get(i));
            }
        }
        int skipped = ids.size() - documents.size();
        int landed = 0;
        for (EmbedStore.Written written : store.write(Indices.MOMENTS, episode.revision(), documents, vectors)) {
            if (written.landed()) {
                landed++;
            } else if (written.stale()) {
                skipped++;
            } else {
                return refused(episode, written);
            }
        }
        skipped("stale", skipped);
        if (skipped > 0
                || store.stillAt(Indices.EPISODES, List.of(episode.episodeId()), episode.revision())
                        .isEmpty()) {
            // a newer revision or a delete got there first: its own outcome brings its own vectors
            return new Result(Status.STALE, landed, skipped);
        }
        MomentVectors.Stored document = new MomentVectors.Stored(episode.episodeId(), episode.episode());
        for (EmbedStore.Written written : store.write(
                Indices.EPISODES, episode.revision(), List.of(document), List.of(episode.episodeVector()))) {
            if (written.stale()) {
                skipped("stale", 1);
                return new Result(Status.STALE, landed, skipped + 1);
            }
            if (!written.landed()) {
                return refused(episode, written);
            }
        }
        return new Result(Status.EMBEDDED, landed, 0);
    }

    private Result refused(MomentVectors episode, EmbedStore.Written written) {
        Log.errorf(
                "episode %s revision %d: %s refused the vector of %s: %s. If the index predates vectors, rebuild it"
                        + " with POST /admin/reindex (port 8082); the embed stage then fills them in as outcomes"
                        + " arrive",
                episode.episodeId(), episode.revision(), written.index(), written.id(), written.error());
        skipped("refused", 1);
        return new Result(Status.REFUSED, 0, 0);
    }

    private void skipped(String reason, int count) {
        if (count > 0) {
            Counter.builder(IndexFacts.EMBED_SKIPPED)
                    .description("documents whose vectors were not written: stale (a newer revision or a delete came"
                            + " first), refused by the engine, or model-error (the model failed on the text twice)")
                    .tag("reason", reason)
                    .register(metrics)
                    .increment(count);
        }
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(metrics);
    }
}
