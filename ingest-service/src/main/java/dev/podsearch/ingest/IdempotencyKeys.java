package dev.podsearch.ingest;

import dev.podsearch.support.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Remembers the answer given to each {@code Idempotency-Key}, inside the upload's transaction: the key is claimed with
 * an insert that waits for any concurrent holder of the same key, so two requests with one key never both store.
 */
@ApplicationScoped
public class IdempotencyKeys {

    @Inject
    EntityManager entityManager;

    /** The answer already given for this key and request, or empty when the key is new (and now claimed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<IngestResult> claim(String key, String requestSha256) {
        int inserted = entityManager
                .createNativeQuery(
                        "INSERT INTO idempotency_key (key, request_sha256, created_at) VALUES (:key, :sha, :now)"
                                + " ON CONFLICT (key) DO NOTHING")
                .setParameter("key", key)
                .setParameter("sha", requestSha256)
                .setParameter("now", Instant.now())
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        "SELECT k.request_sha256, k.transcript_id, k.revision, k.status, k.created, t.trace_id"
                                + " FROM idempotency_key k LEFT JOIN transcript t"
                                + " ON t.id = k.transcript_id AND t.revision = k.revision"
                                + " WHERE k.key = :key FOR UPDATE OF k")
                .setParameter("key", key)
                .getResultList();
        Object[] row = rows.getFirst();
        if (!requestSha256.equals(row[0])) {
            throw new ProblemException(
                    409,
                    "idempotency-key-reused",
                    "Idempotency-Key reused",
                    "the Idempotency-Key '" + key + "' was used before with a different request",
                    Map.of("header", "Idempotency-Key"));
        }
        return Optional.of(new IngestResult(
                (UUID) row[1],
                ((Number) row[2]).longValue(),
                TranscriptStatus.valueOf((String) row[3]),
                (Boolean) row[4],
                (String) row[5]));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String key, IngestResult result) {
        entityManager
                .createNativeQuery(
                        "UPDATE idempotency_key SET transcript_id = :id, revision = :revision, status = :status,"
                                + " created = :created WHERE key = :key")
                .setParameter("id", result.id())
                .setParameter("revision", result.revision())
                .setParameter("status", result.status().name())
                .setParameter("created", result.created())
                .setParameter("key", key)
                .executeUpdate();
    }
}
