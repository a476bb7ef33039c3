package dev.podsearch.alert.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podsearch.alert.Alert;
import dev.podsearch.alert.AlertConfig;
import dev.podsearch.alert.compile.CompiledAlert;
import dev.podsearch.alert.compile.QueryCompiler;
import dev.podsearch.alert.percolate.AlertIndex;
import dev.podsearch.support.ProblemException;
import dev.podsearch.support.outbound.WebhookSignature;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Saving, changing and removing alerts: each saved row and its percolator document are written in one go (the
 * document first, inside the row's transaction, so a failed index write saves nothing). q and the filters are compiled
 * by query-service each time they change ({@link QueryCompiler}).
 */
@ApplicationScoped
public class Alerts {

    @Inject
    QueryCompiler compiler;

    @Inject
    AlertIndex index;

    @Inject
    WebhookTargets targets;

    @Inject
    AlertConfig config;

    @Inject
    ObjectMapper json;

    @Transactional
    public Alert create(AlertRequest request, String owner, String authorization) {
        if (request == null) {
            throw ProblemException.badParameter("name", "the body must be a JSON object with name, q and webhookUrl");
        }
        if (Alert.count("owner = ?1 and deletedAt is null", owner) >= config.maxPerOwner()) {
            throw new ProblemException(
                    409,
                    "too-many-alerts",
                    "Too many alerts",
                    "this key has " + config.maxPerOwner() + " alerts, the most it may keep; delete one first",
                    Map.of());
        }
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.name = AlertFields.name(request.name());
        alert.webhookUrl = targets.check(request.webhookUrl());
        alert.mode = AlertFields.mode(request.mode(), "keyword");
        alert.shows = AlertFields.list(request.show());
        alert.speakers = AlertFields.list(request.speaker());
        alert.lang = AlertFields.blankToNull(request.lang());
        alert.q = request.q();
        compile(alert, authorization);
        alert.secret = WebhookSignature.newSecret();
        alert.owner = owner;
        alert.createdAt = Instant.now();
        alert.updatedAt = alert.createdAt;
        alert.persist();
        index.put(alert);
        Log.infof("alert %s saved (mode %s) by key %s", alert.id, alert.mode, owner);
        return alert;
    }

    /** Changes the fields the request has; q, filters or mode changed: compiled again. */
    @Transactional
    public Alert update(UUID id, AlertRequest request, String owner, String authorization) {
        Alert alert = Alert.owned(id, owner).orElseThrow(() -> ProblemException.notFound("alert", id.toString()));
        if (request == null) {
            return alert;
        }
        if (request.name() != null) {
            alert.name = AlertFields.name(request.name());
        }
        if (request.webhookUrl() != null) {
            alert.webhookUrl = targets.check(request.webhookUrl());
        }
        boolean recompile = false;
        if (request.q() != null && !request.q().equals(alert.q)) {
            alert.q = request.q();
            recompile = true;
        }
        if (request.mode() != null) {
            String mode = AlertFields.mode(request.mode(), alert.mode);
            recompile |= !mode.equals(alert.mode);
            alert.mode = mode;
        }
        if (request.show() != null) {
            recompile |= !AlertFields.list(request.show()).equals(alert.shows);
            alert.shows = AlertFields.list(request.show());
        }
        if (request.speaker() != null) {
            recompile |= !AlertFields.list(request.speaker()).equals(alert.speakers);
            alert.speakers = AlertFields.list(request.speaker());
        }
        if (request.lang() != null) {
            String lang = AlertFields.blankToNull(request.lang());
            recompile |= !Objects.equals(lang, alert.lang);
            alert.lang = lang;
        }
        if (recompile) {
            compile(alert, authorization);
        }
        alert.updatedAt = Instant.now();
        index.put(alert);
        return alert;
    }

    @Transactional
    public Alert paused(UUID id, boolean paused, String owner) {
        Alert alert = Alert.owned(id, owner).orElseThrow(() -> ProblemException.notFound("alert", id.toString()));
        if (alert.paused != paused) {
            alert.paused = paused;
            alert.updatedAt = Instant.now();
            index.put(alert);
        }
        return alert;
    }

    /** Deletes the alert: its row stays (deliveries refer to it), marked deleted; its percolator document goes. */
    @Transactional
    public void delete(UUID id, String owner) {
        Alert alert = Alert.owned(id, owner).orElseThrow(() -> ProblemException.notFound("alert", id.toString()));
        alert.deletedAt = Instant.now();
        alert.updatedAt = alert.deletedAt;
        index.remove(alert);
        Log.infof("alert %s deleted by key %s", alert.id, owner);
    }

    /** A page of the owner's alerts, oldest first, after the alert {@code after} (null: from the first). */
    public List<Alert> list(String owner, UUID after, int size) {
        if (after == null) {
            return Alert.find("owner = ?1 and deletedAt is null order by createdAt, id", owner)
                    .page(0, size)
                    .list();
        }
        Alert last = Alert.findById(after);
        if (last == null || !owner.equals(last.owner)) {
            throw ProblemException.badParameter("after", "after names no alert of this key");
        }
        return Alert.find(
                        "owner = ?1 and deletedAt is null and (createdAt > ?2 or (createdAt = ?2 and id > ?3))"
                                + " order by createdAt, id",
                        owner,
                        last.createdAt,
                        last.id)
                .page(0, size)
                .list();
    }

    private void compile(Alert alert, String authorization) {
        CompiledAlert compiled =
                compiler.compile(alert.q, alert.shows, alert.speakers, alert.lang, alert.mode, authorization);
        try {
            alert.compiled = json.writeValueAsString(compiled.query());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a compiled query", e);
        }
        alert.vector = compiled.vector();
        alert.meaningFloor = compiled.floor();
        try {
            alert.meaningFilter = alert.vector == null || compiled.filter() == null
                    ? null
                    : json.writeValueAsString(compiled.filter());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store a compiled filter", e);
        }
    }
}
