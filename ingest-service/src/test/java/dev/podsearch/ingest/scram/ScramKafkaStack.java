package dev.podsearch.ingest.scram;

import dev.podsearch.events.TopicSettings;
import dev.podsearch.events.Topics;
import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.ScramKafka;
import dev.podsearch.testing.scram.ScramStackResource;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * PostgreSQL and the SCRAM Kafka of the prod overlay ({@link ScramStackResource}): the ingest service's user gets the
 * ACLs of its KafkaUser {@code ingest-service} (write {@code transcripts.v1}, read {@code transcripts.indexed.v1} in
 * group {@code ingest-service-status}).
 *
 * <p>Two more users for the tests: {@link #VERIFIER}, which reads {@code transcripts.v1} (groups {@code verify-*})
 * and writes {@code transcripts.indexed.v1} as the index service would, and {@link #OUTSIDER}, which may log in and
 * nothing else.
 */
public final class ScramKafkaStack extends ScramStackResource {

    public static final String SERVICE = "ingest-service";
    public static final String VERIFIER = "verifier";
    public static final String OUTSIDER = "outsider";

    @Override
    protected LocalStack.Component companion() {
        return LocalStack.Component.POSTGRES;
    }

    @Override
    protected TopicSettings topics() {
        return TopicSettings.DEFAULTS;
    }

    @Override
    protected String service() {
        return SERVICE;
    }

    @Override
    protected void addTestUsers(ScramKafka kafka) {
        addUser(kafka, VERIFIER);
        addUser(kafka, OUTSIDER);
        kafka.allow(VERIFIER, ResourceType.TOPIC, Topics.TRANSCRIPTS, PatternType.LITERAL, AclOperation.READ);
        kafka.allow(VERIFIER, ResourceType.GROUP, "verify-", PatternType.PREFIXED, AclOperation.READ);
        kafka.allow(VERIFIER, ResourceType.TOPIC, Topics.TRANSCRIPTS_INDEXED, PatternType.LITERAL, AclOperation.WRITE);
    }
}
