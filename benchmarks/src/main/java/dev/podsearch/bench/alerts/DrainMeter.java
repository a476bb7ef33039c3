package dev.podsearch.bench.alerts;

import dev.podsearch.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How fast the alert stage works off a backlog: its consumer group's committed offsets on {@code
 * transcripts.indexed.v1}, read every 20 ms, from its first commit after the measure began (the poll under way then
 * left out) until it has committed every record there is. One record is one episode's indexing
 * outcome, so records per second are episodes matched per second (deliveries recorded, before their commit).
 */
final class DrainMeter implements AutoCloseable {

    /** Records worked off after the first commit, in how many seconds. */
    record Drain(long records, double seconds) {

        double perSecond() {
            return records / seconds;
        }
    }

    private final Admin admin;
    private final String group;

    DrainMeter(String bootstrap, String group) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        this.group = group;
    }

    long end() throws Exception {
        List<TopicPartition> partitions = admin
                .describeTopics(List.of(Topics.TRANSCRIPTS_INDEXED))
                .allTopicNames()
                .get()
                .get(Topics.TRANSCRIPTS_INDEXED)
                .partitions()
                .stream()
                .map(p -> new TopicPartition(Topics.TRANSCRIPTS_INDEXED, p.partition()))
                .toList();
        return admin
                .listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all()
                .get()
                .values()
                .stream()
                .mapToLong(info -> info.offset())
                .sum();
    }

    long committed() throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(e -> e.getKey().topic().equals(Topics.TRANSCRIPTS_INDEXED) && e.getValue() != null)
                .map(Map.Entry::getValue)
                .mapToLong(OffsetAndMetadata::offset)
                .sum();
    }

    /** Waits for the group to commit past {@code from}, then up to {@code end}; fails after {@code timeout}. */
    Drain measure(long from, long end, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long firstAt = 0;
        long first = from;
        while (System.nanoTime() < deadline) {
            long committed = committed();
            long now = System.nanoTime();
            if (firstAt == 0 && committed > from) {
                firstAt = now;
                first = committed;
            }
            if (committed >= end) {
                return new Drain(end - first, (now - firstAt) / 1e9);
            }
            Thread.sleep(20); // sampling the group's progress
        }
        throw new IllegalStateException("the alert stage committed " + committed() + " of " + end + " in " + timeout);
    }

    @Override
    public void close() {
        admin.close();
    }
}
