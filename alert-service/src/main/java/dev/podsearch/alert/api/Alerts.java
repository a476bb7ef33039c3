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
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Saving, changing and removing alerts. q and the filters are compiled by query-service each time they change ({@link
 * QueryCompiler}), before any transaction begins: a slow search service holds no database connection. A saved row and
 * its percolator document are then written together (the document inside the row's transaction, so a failed index
 * write saves nothing); a deleted alert's document goes after the commit (one left behind matches nothing: deliveries
 * are made for live rows only).
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

    public Alert create(AlertRequest request, String owner, String authorization) {
        if (request == null) {
            throw ProblemException.badParameter("name", "the body must be a JSON object with name, q and webhookUrl");
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
        QuarkusTransaction.requiringNew().run(() -> {
            if (Alert.count("owner = ?1 and deletedAt is null", owner) >= config.maxPerOwner()) {
                throw new ProblemException(
                        409,
                        "too-many-alerts",
                        "Too many alerts",
                        "this key has " + config.maxPerOwner() + " alerts, the most it may keep; delete one first",
                        Map.of());
            }
            alert.persist();
            index.put(alert);
        });
        Log.infof("alert %s saved (mode %s) by key %s", alert.id, alert.mode, owner);
        return alert;
    }

    /**
     * Changes the fields the request has; q, filters or mode changed: compiled again (outside the transaction, on a
     * copy read before it) and the percolator document written again. The transaction then sets these fields on the
     * row as it is now, so a pause meanwhile is kept.
     */
    public Alert update(UUID id, AlertRequest request, String owner, String authorization) {
        Alert alert = owned(id, owner);
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
        boolean reindex = recompile;
        return QuarkusTransaction.requiringNew().call(() -> {
            Alert saved = owned(id, owner);
            saved.name = alert.name;
            saved.webhookUrl = alert.webhookUrl;
            saved.q = alert.q;
            saved.mode = alert.mode;
            saved.shows = alert.shows;
            saved.speakers = alert.speakers;
            saved.lang = alert.lang;
            saved.compiled = alert.compiled;
            saved.vector = alert.vector;
            saved.meaningFloor = alert.meaningFloor;
            saved.meaningFilter = alert.meaningFilter;
            saved.updatedAt = alert.updatedAt;
            if (reindex) {
                index.put(saved);
            }
            return saved;
        });
    }

    @Transactional
    public Alert paused(UUID id, boolean paused, String owner) {
        Alert alert = owned(id, owner);
        if (alert.paused != paused) {
            alert.paused = paused;
            alert.updatedAt = Instant.now();
            index.put(alert);
        }
        return alert;
    }

    /**
     * Deletes the alert: its row stays (deliveries refer to it), marked deleted; its percolator document goes once
     * that is committed.
     */
    public void delete(UUID id, String owner) {
        Alert alert = QuarkusTransaction.requiringNew().call(() -> {
            Alert deleted = owned(id, owner);
            deleted.deletedAt = Instant.now();
            deleted.updatedAt = deleted.deletedAt;
            return deleted;
        });
        Log.infof("alert %s deleted by key %s", alert.id, owner);
        try {
            index.remove(alert);
        } catch (RuntimeException e) {
            Log.warnf("alert %s: its percolator document stays (%s); it matches nothing now", alert.id, e.getMessage());
        }
    }

    private static Alert owned(UUID id, String owner) {
        return Alert.owned(id, owner).orElseThrow(() -> ProblemException.notFound("alert", id.toString()));
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
