package dev.podsearch.index.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podsearch.index.IndexerConfig;
import dev.podsearch.index.lease.ClusterLease;
import dev.podsearch.index.lease.LeaseDocument;
import dev.podsearch.index.lease.LeaseHeldException;
import dev.podsearch.index.lease.LeaseKeeper;
import dev.podsearch.index.lease.Leases;
import dev.podsearch.index.mapping.IndexSetup;
import dev.podsearch.search.Indices;
import dev.podsearch.search.Mappings;
import dev.podsearch.support.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rebuilds the episode and moment indices with the current definitions and swaps the aliases, without a moment of
 * downtime or a lost write:
 *
 * <ol>
 *   <li>create the new indices, each behind an alias {@code <alias>-next}: from then on every indexer replica writes
 *       each document to the old and the new index;
 *   <li>wait {@code indexer.reindex-grace} for batches already under way to finish;
 *   <li>copy the old indices into the new ones with {@code _reindex}, keeping each document's version (the revision),
 *       so a copy never overwrites a newer revision written meanwhile;
 *   <li>swap the aliases in one atomic request; searches move from the old index to the new one at once.
 * </ol>
 *
 * The old indices are kept for a rollback (point the aliases back) and can be deleted when no longer wanted. One reindex
 * runs in the whole cluster at a time: the instance running it holds the reindex lease ({@link Leases}), renews it
 * while it runs, confirms it right before the swap and releases it at the end.
 */
@ApplicationScoped
public class Reindexer {

    private static final DateTimeFormatter SUFFIX =
            DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmss").withZone(ZoneOffset.UTC);

    private static final Map<String, String> DEFINITIONS =
            Map.of(Indices.EPISODES, Mappings.EPISODES_INDEX, Indices.MOMENTS, Mappings.MOMENTS_INDEX);

    @Inject
    IndexSetup indices;

    @Inject
    IndexerConfig config;

    @Inject
    Leases leases;

    /** One index being rebuilt, and the copy's progress. */
    public record Copy(String alias, String from, String to, long total, long created, long updated, long conflicts) {}

    /**
     * @param state RUNNING, DONE or FAILED
     * @param phase what it is doing: creating, waiting, copying, swapping, done
     * @param instance the instance running it (the holder of the reindex lease)
     */
    public record Status(
            String state,
            String phase,
            Instant startedAt,
            Instant finishedAt,
            List<Copy> indices,
            String error,
            String instance) {}

    private volatile Status status;
    private volatile LeaseKeeper keeper;

    /** What this instance ran last; null if it has run none. */
    public Status status() {
        return status;
    }

    /** The reindex lease if an instance holds it now (expired leases count as free). */
    public Optional<LeaseDocument> lease() {
        return leases.lease(Leases.REINDEX).current().filter(held -> held.expiresAt()
                .isAfter(Instant.now()));
    }

    /**
     * Starts a reindex in the background; refuses (409) while one runs on any instance: it first takes the cluster-wide
     * reindex lease, which the run renews and releases at its end.
     */
    public synchronized Status start() {
        ClusterLease lease = leases.lease(Leases.REINDEX);
        ClusterLease.Held held;
        try {
            held = lease.acquire();
        } catch (LeaseHeldException e) {
            throw running(e, lease.owner());
        }
        Instant started = Instant.now();
        status = new Status("RUNNING", "creating", started, null, List.of(), null, lease.owner());
        Thread.ofPlatform().name("reindex").daemon().start(() -> {
            try (LeaseKeeper keeper = new LeaseKeeper(lease, held)) {
                this.keeper = keeper;
                run(started);
            }
        });
        return status;
    }

    private static ProblemException running(LeaseHeldException held, String me) {
        String where = held.owner().equals(me) ? "this instance" : "instance " + held.owner();
        return new ProblemException(
                409,
                "reindex-running",
                "A reindex is running",
                "a reindex started at " + held.acquiredAt() + " is running on " + where + ", which holds the reindex"
                        + " lease until " + held.expiresAt() + " and renews it while it runs; GET /admin/reindex on"
                        + " that instance shows its progress",
                Map.of(
                        "holder",
                        held.owner(),
                        "heldSince",
                        held.acquiredAt().toString(),
                        "until",
                        held.expiresAt().toString()));
    }

    private void run(Instant started) {
        String suffix = SUFFIX.format(started);
        List<Copy> copies = new ArrayList<>();
        try {
            for (String alias : List.of(Indices.EPISODES, Indices.MOMENTS)) {
                new ReindexAliases(indices).dropStale(alias);
                String from = indices.indexOf(alias);
                String to = alias + "-" + suffix;
                indices.create(to, DEFINITIONS.get(alias), alias + "-next");
                copies.add(new Copy(alias, from, to, 0, 0, 0, 0));
                Log.infof("reindex: %s -> %s created; every write now reaches both", from, to);
            }
            update("waiting", copies, null);
            Thread.sleep(config.reindexGrace());
            for (int i = 0; i < copies.size(); i++) {
                update("copying", copies, null);
                copies.set(i, copy(copies, i));
            }
            update("swapping", copies, null);
            keeper.confirm();
            new ReindexAliases(indices).swap(copies);
            status = new Status("DONE", "done", started, Instant.now(), List.copyOf(copies), null, status.instance());
            Log.infof("reindex done: %s", copies);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Log.errorf(e, "reindex failed");
            new ReindexAliases(indices).discard(copies);
            status = new Status(
                    "FAILED",
                    status.phase(),
                    started,
                    Instant.now(),
                    List.copyOf(copies),
                    e.getMessage(),
                    status.instance());
        }
    }

    /** Records progress; stops the run if another instance has taken the lease over. */
    private void update(String phase, List<Copy> copies, String error) {
        keeper.check();
        status = new Status("RUNNING", phase, status.startedAt(), null, List.copyOf(copies), error, status.instance());
    }

    /** Copies one index, keeping versions; reports progress while the engine's task runs. */
    private Copy copy(List<Copy> copies, int i) throws IOException, InterruptedException {
        Copy copy = copies.get(i);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("conflicts", "proceed");
        body.put("source", Map.of("index", copy.from()));
        body.put("dest", Map.of("index", copy.to(), "version_type", "external"));
        JsonNode started = indices.call("POST", "/_reindex?wait_for_completion=false&refresh=true", body);
        String task = started.path("task").asText();
        while (true) {
            JsonNode answer = indices.call("GET", "/_tasks/" + task, null);
            JsonNode progress = answer.path("task").path("status");
            copy = new Copy(
                    copy.alias(),
                    copy.from(),
                    copy.to(),
                    progress.path("total").asLong(),
                    progress.path("created").asLong(),
                    progress.path("updated").asLong(),
                    progress.path("version_conflicts").asLong());
            copies.set(i, copy);
            update("copying", copies, null);
            if (answer.path("completed").asBoolean()) {
                JsonNode failures = answer.path("response").path("failures");
                if (answer.has("error") || (failures.isArray() && !failures.isEmpty())) {
                    throw new IOException("copying " + copy.from() + " failed: "
                            + (answer.has("error") ? answer.get("error") : failures));
                }
                return copy;
            }
            Thread.sleep(500);
        }
    }
}
