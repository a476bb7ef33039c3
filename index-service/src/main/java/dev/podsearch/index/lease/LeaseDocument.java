package dev.podsearch.index.lease;

import java.time.Instant;

/**
 * A lease as stored in OpenSearch, one document per job (its id is the job's name).
 *
 * @param owner the instance holding it ({@code indexer.instance-id})
 * @param acquiredAt when that instance took it
 * @param expiresAt until when it holds it unless renewed; after that any instance may take it over
 */
public record LeaseDocument(String owner, Instant acquiredAt, Instant expiresAt) {}
