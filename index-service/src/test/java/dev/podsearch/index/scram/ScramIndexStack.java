package dev.podsearch.index.scram;

import dev.podsearch.events.TopicSettings;
import dev.podsearch.events.Topics;
import dev.podsearch.stack.LocalStack;
import dev.podsearch.stack.ScramKafka;
import dev.podsearch.testing.scram.ScramStackResource;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * OpenSearch and the SCRAM Kafka of the prod overlay ({@link ScramStackResource}): the topics sized as this module's
 * tests configure them, the service's user given exactly the ACLs of its KafkaUser {@code index-service}. {@link
 * #PUBLISHER} plays ingest-service (writes {@code transcripts.v1}) and reads the outcomes in groups {@code verify-*}.
 */
public final class ScramIndexStack extends ScramStackResource {

    public static final String SERVICE = "index-service";
    public static final String PUBLISHER = "publisher";

    @Override
    protected LocalStack.Component companion() {
        return LocalStack.Component.OPENSEARCH;
    }

    @Override
    protected TopicSettings topics() {
        return new TopicSettings(4, (short) 1);
    }

    @Override
    protected String service() {
        return SERVICE;
    }

    @Override
    protected void addTestUsers(ScramKafka kafka) {
        addUser(kafka, PUBLISHER);
        kafka.allow(PUBLISHER, ResourceType.TOPIC, Topics.TRANSCRIPTS, PatternType.LITERAL, AclOperation.WRITE);
        kafka.allow(PUBLISHER, ResourceType.TOPIC, Topics.TRANSCRIPTS_INDEXED, PatternType.LITERAL, AclOperation.READ);
        kafka.allow(PUBLISHER, ResourceType.GROUP, "verify-", PatternType.PREFIXED, AclOperation.READ);
    }
}
