package dev.podsearch.alert.matching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podsearch.alert.Alert;
import dev.podsearch.alert.AlertConfig;
import dev.podsearch.events.IndexedEvent;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The two phases of matching. Words: for an {@code INDEXED} outcome, the revision's moments percolated against the
 * alerts' compiled queries. Meaning: for the {@code EMBEDDED} outcome that follows (the revision's vectors are
 * written), its moments near the query vectors of hybrid alerts ({@link MeaningMatcher}), minus what they match by
 * words. Each gives one pending delivery per matching alert and revision (phase {@code words} or {@code meaning}).
 * Only alerts that are live in PostgreSQL count (a percolator document of an alert deleted a moment ago finds no
 * row). Deleted and failed outcomes match nothing.
 */
@ApplicationScoped
public class EpisodeMatcher {

    public static final String INDEXED = "INDEXED";
    public static final String EMBEDDED = "EMBEDDED";
    public static final String WORDS = "words";
    public static final String MEANING = "meaning";

    @Inject
    MomentReader moments;

    @Inject
    Percolator percolator;

    @Inject
    MeaningMatcher meaning;

    @Inject
    DeliveryWriter deliveries;

    @Inject
    AlertConfig config;

    @Inject
    ObjectMapper json;

    /**
     * Matches the outcomes of a poll and records their deliveries; returns how many deliveries were new. (On the
     * consumer's thread: a request context of its own for the alerts' reads.)
     */
    @ActivateRequestContext
    public int match(List<IndexedEvent> events) {
        if (events.stream().anyMatch(e -> INDEXED.equals(e.status()) || EMBEDDED.equals(e.status()))) {
            moments.refresh(); // what these outcomes announce, searchable (MomentReader)
        }
        List<DeliveryWriter.Pending> pending = new ArrayList<>();
        for (IndexedEvent event : events) {
            if (INDEXED.equals(event.status())) {
                pending.addAll(words(event));
            } else if (EMBEDDED.equals(event.status())) {
                pending.addAll(meaning(event));
            }
        }
        if (pending.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        return deliveries.record(pending, now, now.plus(config.giveUpAfter()));
    }

    private List<DeliveryWriter.Pending> words(IndexedEvent event) {
        List<ObjectNode> found = moments.read(event.episodeId(), event.revision());
        if (found.isEmpty()) {
            return List.of();
        }
        return pending(event, found, percolator.match(found), WORDS);
    }

    private List<DeliveryWriter.Pending> meaning(IndexedEvent event) {
        List<ObjectNode> found = moments.read(event.episodeId(), event.revision(), true);
        if (found.isEmpty()) {
            return List.of();
        }
        List<ObjectNode> documents = new ArrayList<>();
        for (ObjectNode moment : found) {
            ObjectNode document = moment.deepCopy();
            document.remove(MomentReader.EMBEDDING);
            documents.add(document);
        }
        return pending(event, documents, meaning.match(found, documents), MEANING);
    }

    private List<DeliveryWriter.Pending> pending(
            IndexedEvent event, List<ObjectNode> found, Map<UUID, List<Percolator.Match>> matches, String phase) {
        if (matches.isEmpty()) {
            return List.of();
        }
        List<Alert> live =
                Alert.list("id in ?1 and deletedAt is null and paused = false", new ArrayList<>(matches.keySet()));
        List<DeliveryWriter.Pending> pending = new ArrayList<>();
        for (Alert alert : live) {
            if (phase.equals(MEANING) && !alert.byMeaning()) {
                continue;
            }
            UUID id = UUID.randomUUID();
            ObjectNode payload = DeliveryPayload.of(
                    json,
                    id,
                    alert,
                    event.episodeId(),
                    event.revision(),
                    found,
                    matches.get(alert.id),
                    config.publicUrl(),
                    phase);
            pending.add(new DeliveryWriter.Pending(
                    id, alert.id, event.episodeId(), event.revision(), phase, write(payload)));
        }
        Log.infof(
                "episode %s revision %d: %d moments matched %d alerts by %s",
                event.episodeId(), event.revision(), found.size(), pending.size(), phase);
        return pending;
    }

    private String write(ObjectNode payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook payload", e);
        }
    }
}
