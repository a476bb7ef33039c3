package dev.podsearch.ingest;

/** Where an upload is on its way to search. */
public enum TranscriptStatus {
    /** Stored, its event waiting in the outbox. */
    RECEIVED,
    /** The event is on Kafka. */
    PUBLISHED,
    /** Searchable. */
    INDEXED,
    /** The indexer could not index it; see the reason. */
    FAILED,
    /** Removed from search. */
    DELETED
}
