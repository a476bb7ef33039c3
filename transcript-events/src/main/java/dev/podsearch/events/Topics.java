package dev.podsearch.events;

/** Kafka topic names, shared by the producers, the consumers and their tests. */
public final class Topics {

    /** Transcript upserts and deletes, keyed by episode id. */
    public static final String TRANSCRIPTS = "transcripts.v1";

    /** Records of {@link #TRANSCRIPTS} that could not be indexed, with headers saying why. */
    public static final String TRANSCRIPTS_DLQ = "transcripts.v1.dlq";

    /** Indexing outcomes, keyed by episode id: what the ingest service reports as an upload's status. */
    public static final String TRANSCRIPTS_INDEXED = "transcripts.indexed.v1";

    private Topics() {}
}
