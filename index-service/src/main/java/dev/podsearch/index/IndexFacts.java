package dev.podsearch.index;

import static dev.podsearch.support.facts.KafkaAccess.joinsGroup;
import static dev.podsearch.support.facts.KafkaAccess.readsTopic;
import static dev.podsearch.support.facts.KafkaAccess.writesTopic;

import dev.podsearch.embed.EmbeddingConfig;
import dev.podsearch.events.KafkaConnection;
import dev.podsearch.events.KafkaTopics;
import dev.podsearch.events.Topics;
import dev.podsearch.events.consume.ConsumerMeters;
import dev.podsearch.index.embed.EmbedderConfig;
import dev.podsearch.search.OpenSearchKeys;
import dev.podsearch.support.facts.DeclaredFacts;
import dev.podsearch.support.facts.SupportFacts;
import java.util.List;

/**
 * What index-service does with Kafka, the configuration it reads and the meters it exports: the names its code
 * uses, declared once; the deployment tests check the manifests against {@link #DECLARED}.
 */
public final class IndexFacts {

    /** The transcript consumer's group unless {@code indexer.group-id} names another. */
    public static final String INDEX_GROUP = "index-service";
    /** The embed stage's group unless {@code embedder.group-id} names another. */
    public static final String EMBED_GROUP = "index-service-embedder";

    public static final String RECORDS_CONSUMED = "podsearch.index.records.consumed";
    /** Tagged {@code class}: poison, retryable, non-retryable. */
    public static final String FAILURES = "podsearch.index.failures";

    public static final String OUTCOME_FAILURES = "podsearch.index.outcome.failures";
    public static final String DLQ_RECORDS = "podsearch.index.dlq.records";
    public static final String BULK_LATENCY = "podsearch.index.bulk.latency";
    public static final String BULK_REQUESTS = "podsearch.index.bulk.requests";
    public static final String DOCUMENTS = "podsearch.index.documents";
    public static final String ROLLED_BACK = "podsearch.index.rolled.back";
    public static final String EMBED_BATCH = "podsearch.index.embed.batch";
    public static final String EMBED_PASSAGES = "podsearch.index.embed.passages";
    public static final String EMBED_SKIPPED = "podsearch.index.embed.skipped";

    public static final DeclaredFacts DECLARED = new DeclaredFacts(
            "index-service",
            List.of(
                    readsTopic(Topics.TRANSCRIPTS, "the transcript consumer"),
                    writesTopic(Topics.TRANSCRIPTS, "the dead-letter replay"),
                    readsTopic(Topics.TRANSCRIPTS_DLQ, "the dead-letter admin API"),
                    writesTopic(Topics.TRANSCRIPTS_DLQ, "the transcript consumer's dead letters"),
                    readsTopic(Topics.TRANSCRIPTS_INDEXED, "the embed stage"),
                    writesTopic(Topics.TRANSCRIPTS_INDEXED, "the outcome reporter and the embed stage"),
                    joinsGroup("indexer.group-id", INDEX_GROUP, "the transcript consumer"),
                    joinsGroup("embedder.group-id", EMBED_GROUP, "the embed stage")),
            DeclaredFacts.<Class<?>>all(
                    List.of(IndexerConfig.class, EmbedderConfig.class, EmbeddingConfig.class),
                    SupportFacts.CONFIG_MAPPINGS),
            DeclaredFacts.all(
                    KafkaConnection.CONFIG_KEYS, KafkaTopics.CONFIG_KEYS, OpenSearchKeys.ALL, SupportFacts.CONFIG_KEYS),
            DeclaredFacts.all(
                    List.of(
                            RECORDS_CONSUMED,
                            FAILURES,
                            OUTCOME_FAILURES,
                            DLQ_RECORDS,
                            BULK_LATENCY,
                            BULK_REQUESTS,
                            DOCUMENTS,
                            ROLLED_BACK,
                            EMBED_BATCH,
                            EMBED_PASSAGES,
                            EMBED_SKIPPED,
                            SupportFacts.refusalsMeter("index-service")),
                    ConsumerMeters.ALL));

    private IndexFacts() {}
}
