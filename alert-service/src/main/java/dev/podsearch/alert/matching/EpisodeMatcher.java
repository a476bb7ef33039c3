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
 * The words phase: for an {@code INDEXED} outcome, the revision's moments percolated against the alerts, and one
 * pending delivery per matching alert (phase {@code words}). Only alerts that are live in PostgreSQL count (a
 * percolator document of an alert deleted a moment ago finds no row). Other outcomes (deleted, failed, embedded) match
 * nothing here.
 */
@ApplicationScoped
public class EpisodeMatcher {

    public static final String INDEXED = "INDEXED";
    public static final String WORDS = "words";

    @Inject
    MomentReader moments;

    @Inject
    Percolator percolator;

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
        List<DeliveryWriter.Pending> pending = new ArrayList<>();
        for (IndexedEvent event : events) {
            if (INDEXED.equals(event.status())) {
                pending.addAll(match(event));
            }
        }
        if (pending.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        return deliveries.record(pending, now, now.plus(config.giveUpAfter()));
    }

    private List<DeliveryWriter.Pending> match(IndexedEvent event) {
        List<ObjectNode> found = moments.read(event.episodeId(), event.revision());
        if (found.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Percolator.Match>> matches = percolator.match(found);
        if (matches.isEmpty()) {
            return List.of();
        }
        List<Alert> live =
                Alert.list("id in ?1 and deletedAt is null and paused = false", new ArrayList<>(matches.keySet()));
        List<DeliveryWriter.Pending> pending = new ArrayList<>();
        for (Alert alert : live) {
            UUID id = UUID.randomUUID();
            ObjectNode payload = WordsPayload.of(
                    json,
                    id,
                    alert,
                    event.episodeId(),
                    event.revision(),
                    found,
                    matches.get(alert.id),
                    config.publicUrl());
            pending.add(new DeliveryWriter.Pending(
                    id, alert.id, event.episodeId(), event.revision(), WORDS, write(payload)));
        }
        Log.infof(
                "episode %s revision %d: %d moments matched %d alerts",
                event.episodeId(), event.revision(), found.size(), live.size());
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
