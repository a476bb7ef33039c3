package dev.podsearch.alert;

import static dev.podsearch.support.facts.KafkaAccess.joinsGroup;
import static dev.podsearch.support.facts.KafkaAccess.readsTopic;

import dev.podsearch.alert.delivery.DeliveryConfig;
import dev.podsearch.alert.delivery.DeliveryMeters;
import dev.podsearch.events.KafkaConnection;
import dev.podsearch.events.KafkaTopics;
import dev.podsearch.events.Topics;
import dev.podsearch.events.consume.ConsumerMeters;
import dev.podsearch.search.OpenSearchKeys;
import dev.podsearch.support.facts.DeclaredFacts;
import dev.podsearch.support.facts.SupportFacts;
import dev.podsearch.support.outbound.OutboundConfig;
import java.util.List;

/**
 * What alert-service does with Kafka, the configuration it reads and the meters it exports, declared once (for the
 * deployment tests, as the other services' facts): it reads the indexing outcomes in a group of its own, and writes
 * no topic.
 */
public final class AlertFacts {

    /** The matching stage's group unless {@code alerts.group-id} names another. */
    public static final String MATCH_GROUP = "alert-service";

    public static final DeclaredFacts DECLARED = new DeclaredFacts(
            "alert-service",
            List.of(
                    readsTopic(Topics.TRANSCRIPTS_INDEXED, "the matching stage"),
                    joinsGroup("alerts.group-id", MATCH_GROUP, "the matching stage")),
            DeclaredFacts.<Class<?>>all(
                    List.of(AlertConfig.class, DeliveryConfig.class, OutboundConfig.class),
                    SupportFacts.CONFIG_MAPPINGS),
            DeclaredFacts.all(
                    KafkaConnection.CONFIG_KEYS, KafkaTopics.CONFIG_KEYS, OpenSearchKeys.ALL, SupportFacts.CONFIG_KEYS),
            DeclaredFacts.all(
                    DeliveryMeters.ALL, List.of(SupportFacts.refusalsMeter("alert-service")), ConsumerMeters.ALL));

    private AlertFacts() {}
}
