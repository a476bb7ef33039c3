package dev.podsearch.chaos;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The wait after the last fault: until ingest's outbox is empty (no event waiting, none parked) and every write whose
 * answer the client got has reached its end state through the public API: the last revision {@code INDEXED}, a
 * deleted episode {@code DELETED}, a refused upload {@code FAILED}, a poison file in {@code failed/}. Polled with a
 * deadline; what has not settled by then is judged as it is.
 */
final class Settling {

    private static final Set<String> IN_FLIGHT = Set.of("RECEIVED", "PUBLISHED");

    private final Api api;
    private final Path dropDir;

    Settling(Api api, Path dropDir) {
        this.api = api;
        this.dropDir = dropDir;
    }

    /** Whether everything settled within the deadline. */
    boolean until(List<Episode> episodes, Duration deadline) {
        List<Episode> pending = new ArrayList<>(episodes);
        try {
            await().atMost(deadline)
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(() -> {
                        pending.removeIf(this::settled);
                        return pending.isEmpty() && outboxEmpty();
                    });
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    boolean outboxEmpty() throws Exception {
        return api.ingestGauge("podsearch_ingest_outbox_backlog").orElse(1.0) == 0
                && api.ingestGauge("podsearch_ingest_outbox_parked").orElse(1.0) == 0;
    }

    private boolean settled(Episode episode) {
        if (episode.kind() == Episode.Kind.POISON_DROP) {
            Path incoming = dropDir.resolve("incoming").resolve(episode.externalId() + ".json");
            Path processing = dropDir.resolve("processing").resolve(episode.externalId() + ".json");
            return !Files.exists(incoming) && !Files.exists(processing);
        }
        if (episode.id() == null) {
            return true; // nothing acknowledged that names it: nothing to wait for
        }
        try {
            Api.Answer answer = api.status(episode.id());
            if (!answer.ok()) {
                return false;
            }
            String status = answer.body().path("status").asText();
            long revision = answer.body().path("revision").asLong();
            if (episode.uncertain()) {
                return !IN_FLIGHT.contains(status);
            }
            Episode.Write last = episode.lastAcked().orElse(null);
            if (last == null) {
                return true;
            }
            return switch (episode.kind()) {
                case POISON_UPLOAD -> status.equals("FAILED");
                default ->
                    last.isDelete()
                            ? status.equals("DELETED")
                            : status.equals("INDEXED") && revision == last.revision();
            };
        } catch (Exception e) {
            return false;
        }
    }
}
