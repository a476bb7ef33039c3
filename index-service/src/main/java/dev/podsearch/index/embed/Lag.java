package dev.podsearch.index.embed;

import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Records not yet consumed, over a consumer's assigned partitions (what the client knows without a request). */
final class Lag {

    private Lag() {}

    static long of(KafkaConsumer<?, ?> kafka) {
        long total = 0;
        for (TopicPartition partition : kafka.assignment()) {
            OptionalLong partitionLag = kafka.currentLag(partition);
            if (partitionLag.isPresent()) {
                total += partitionLag.getAsLong();
            }
        }
        return total;
    }
}
