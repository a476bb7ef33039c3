package dev.podsearch.ingest;

import static dev.podsearch.support.facts.KafkaAccess.joinsGroup;
import static dev.podsearch.support.facts.KafkaAccess.readsTopic;
import static dev.podsearch.support.facts.KafkaAccess.writesTopic;

import dev.podsearch.events.KafkaConnection;
import dev.podsearch.events.KafkaTopics;
import dev.podsearch.events.Topics;
import dev.podsearch.events.consume.ConsumerMeters;
import dev.podsearch.ingest.rest.TranscriptResource;
import dev.podsearch.support.facts.DeclaredFacts;
import dev.podsearch.support.facts.SupportFacts;
import java.util.List;

/**
 * What ingest-service does with Kafka, the configuration it reads and the meters it exports: the names its code
 * uses, declared once; the deployment tests check the manifests against {@link #DECLARED}.
 */
public final class IngestFacts {

    /** The status consumer's group: it reads every indexing outcome once per service, not once per instance. */
    public static final String STATUS_GROUP = "ingest-service-status";

    public static final String UPLOADS = "podsearch.ingest.uploads";
    public static final String UPLOAD_BYTES = "podsearch.ingest.upload.bytes";
    public static final String FRESHNESS = "podsearch.ingest.freshness";
    public static final String PUBLISH_LAG = "podsearch.ingest.publish.lag";
    public static final String DROP_FILES = "podsearch.ingest.drop.files";
    public static final String FEED_POLLS = "podsearch.ingest.feed.polls";
    public static final String OUTBOX_BACKLOG = "podsearch.ingest.outbox.backlog";
    public static final String OUTBOX_OLDEST = "podsearch.ingest.outbox.oldest.seconds";
    public static final String OUTBOX_PARKED = "podsearch.ingest.outbox.parked";

    public static final DeclaredFacts DECLARED = new DeclaredFacts(
            "ingest-service",
            List.of(
                    writesTopic(Topics.TRANSCRIPTS, "the outbox relay"),
                    readsTopic(Topics.TRANSCRIPTS_INDEXED, "the status consumer"),
                    joinsGroup(STATUS_GROUP, "the status consumer")),
            DeclaredFacts.<Class<?>>all(List.of(IngestConfig.class), SupportFacts.CONFIG_MAPPINGS),
            DeclaredFacts.all(
                    KafkaConnection.CONFIG_KEYS,
                    KafkaTopics.CONFIG_KEYS,
                    SupportFacts.CONFIG_KEYS,
                    List.of(TranscriptResource.BODY_LIMIT)),
            DeclaredFacts.all(
                    List.of(
                            UPLOADS,
                            UPLOAD_BYTES,
                            FRESHNESS,
                            PUBLISH_LAG,
                            DROP_FILES,
                            FEED_POLLS,
                            OUTBOX_BACKLOG,
                            OUTBOX_OLDEST,
                            OUTBOX_PARKED,
                            SupportFacts.refusalsMeter("ingest-service")),
                    ConsumerMeters.ALL));

    private IngestFacts() {}
}
