package dev.podsearch.events.consume;

import dev.podsearch.stack.LocalStack;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** A real Kafka broker (the local stack) for the loop's tests: a fresh topic per test, records numbered by value. */
final class LoopKafka implements AutoCloseable {

    private final LocalStack stack;
    private final String bootstrap;

    LoopKafka() {
        stack = LocalStack.start(LocalStack.Options.ephemeral(Set.of(LocalStack.Component.KAFKA)));
        bootstrap = stack.quarkusProperties().get("kafka.bootstrap.servers");
    }

    String bootstrap() {
        return bootstrap;
    }

    LocalStack stack() {
        return stack;
    }

    /** A new topic of {@code partitions} partitions. */
    String topic(int partitions) {
        String topic = "loop-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return topic;
    }

    /** The members of a consumer group that have partitions assigned. */
    long assignedMembers(String group) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                    .filter(m -> !m.assignment().topicPartitions().isEmpty())
                    .count();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes records {@code from} to {@code to - 1} (value: the number, key: the number), acknowledged. */
    void produce(String topic, int from, int to) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new StringSerializer())) {
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>(topic, Integer.toString(i), Integer.toString(i)));
            }
            producer.flush();
        }
    }

    /** Consumer settings of {@code group}: small polls, short timeouts so that an outage shows within seconds. */
    Map<String, Object> settings(String group) {
        return settings(bootstrap, group);
    }

    static Map<String, Object> settings(String bootstrap, String group) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrap);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
        settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        settings.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        // the broker's least (group.min.session.timeout.ms): a killed member's partitions move on after 6 s, not 45
        settings.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000);
        settings.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1000);
        return settings;
    }

    static ConsumerLoop.Spec spec(String topic, Map<String, Object> settings) {
        return ConsumerLoop.Spec.named("test", settings, Duration.ofMillis(500), Duration.ofSeconds(4))
                .subscribe(List.of(topic));
    }

    @Override
    public void close() {
        stack.close();
    }
}
