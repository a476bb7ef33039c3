package dev.podsearch.events.consume;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * A consumer in a JVM of its own, for {@link ConsumerLoopTest} to kill with SIGKILL: prints {@code handled <n>} for each
 * record it handles and {@code committed <offset>} after each commit (one partition), slowly, until killed.
 */
public final class KilledConsumer {

    public static void main(String[] args) {
        String bootstrap = args[0];
        String topic = args[1];
        String group = args[2];
        BatchHandler handler = (ConsumerRecords<String, byte[]> records, Session session) -> {
            if (records.isEmpty()) {
                return;
            }
            records.forEach(r -> System.out.println("handled " + new String(r.value(), StandardCharsets.UTF_8)));
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // work takes time: the kill lands mid-stream
            var offsets = Offsets.after(records);
            session.commit(offsets);
            offsets.values().forEach(o -> System.out.println("committed " + o.offset()));
        };
        new ConsumerLoop(
                        LoopKafka.spec(topic, LoopKafka.settings(bootstrap, group)),
                        () -> handler,
                        new SimpleMeterRegistry())
                .start();
        LockSupport.park(); // until killed
    }
}
