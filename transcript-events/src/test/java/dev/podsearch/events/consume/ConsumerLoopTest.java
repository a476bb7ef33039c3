package dev.podsearch.events.consume;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.podsearch.stack.LocalStack;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The consumer loop against a real broker: what each failure leaves committed, and what is read again. */
class ConsumerLoopTest {

    private static LoopKafka kafka;
    private final Handled handled = new Handled();
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void startKafka() {
        kafka = new LoopKafka();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void aBatchToRetryIsReadAgainFromTheLastCommitAfterABackoff() {
        String topic = kafka.topic(1);
        kafka.produce(topic, 0, 50);
        AtomicBoolean failed = new AtomicBoolean();
        ConsumerLoop loop = loop(
                topic,
                "retry",
                () -> BatchHandler.eachPoll(records -> {
                    handled.add("loop", records);
                    if (handled.by("loop").contains(25) && failed.compareAndSet(false, true)) {
                        throw new RetryLater("the sink cannot take it now");
                    }
                }));
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> handled.distinct().size() == 50);
            assertEquals(Handled.range(0, 50), handled.distinct());
            assertEquals(1.0, failures(), "one retry");
            // the failed batch (10 records at most, 25 among them) was read again, nothing else
            int again = handled.total() - 50;
            assertTrue(again >= 1 && again <= 10, again + " records read again");
            assertEquals(2, handled.by("loop").stream().filter(n -> n == 25).count());
        } finally {
            loop.stop();
        }
    }

    @Test
    void aRebalanceCommitsTheBatchUnderWaySoTheNextOwnerDoesNotReadItAgain() {
        String topic = kafka.topic(3);
        kafka.produce(topic, 0, 100);
        ConsumerLoop first = loop(topic, "rebalance", () -> new SettledLater("first", handled));
        ConsumerLoop second = null;
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> handled.by("first").size() == 100);
            // the first's last batches are handled, not committed; the second joins: partitions are revoked
            second = loop(topic, "rebalance", () -> new SettledLater("second", handled));
            // the new records come after the rebalance: the first's last batch is settled by nothing but the revocation
            await().atMost(Duration.ofSeconds(30)).until(() -> kafka.assignedMembers("rebalance-" + topic) == 2);
            kafka.produce(topic, 100, 200);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> handled.distinct().size() == 200);
            assertEquals(Handled.range(0, 200), handled.distinct());
            assertEquals(200, handled.total(), "nothing read twice: what was done was committed before the rebalance");
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
        }
    }

    @Test
    void stopFinishesAndCommitsTheBatchUnderWay() {
        String topic = kafka.topic(1);
        kafka.produce(topic, 0, 30);
        ConsumerLoop first = loop(topic, "stop", () -> new SettledLater("first", handled));
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.by("first").size() == 30);
        first.stop();
        kafka.produce(topic, 30, 40);
        ConsumerLoop next = loop(topic, "stop", () -> new SettledLater("next", handled));
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> handled.by("next").size() == 10);
            assertEquals(List.copyOf(Handled.range(30, 40)), handled.by("next"));
        } finally {
            next.stop();
        }
    }

    @Test
    void stopReturnsWithinItsTimeoutWhileTheHandlerIsStuck() throws Exception {
        String topic = kafka.topic(1);
        kafka.produce(topic, 0, 1);
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ConsumerLoop loop = loop(
                topic,
                "stuck",
                () -> BatchHandler.eachPoll(records -> {
                    stuck.countDown();
                    try {
                        release.await(); // a sink that never answers
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertTrue(stuck.await(30, TimeUnit.SECONDS));
        long started = System.nanoTime();
        loop.stop(); // stop timeout: 4 s
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        release.countDown();
        assertTrue(took >= 3_900 && took < 6_000, "stopped in " + took + " ms");
    }

    @Test
    void theBrokerGoingDownMidBatchLosesNothingTheBatchIsReadAgain() {
        String topic = kafka.topic(1);
        kafka.produce(topic, 0, 40);
        AtomicBoolean down = new AtomicBoolean();
        ConsumerLoop loop = loop(
                topic,
                "outage",
                () -> BatchHandler.eachPoll(records -> {
                    handled.add("loop", records);
                    if (handled.by("loop").contains(20) && down.compareAndSet(false, true)) {
                        kafka.stack().interrupt(LocalStack.Component.KAFKA); // before this batch is committed
                    }
                }));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> failures() >= 1);
            kafka.stack().resume(LocalStack.Component.KAFKA);
            kafka.produce(topic, 40, 60);
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> handled.distinct().size() == 60);
            assertEquals(Handled.range(0, 60), handled.distinct());
            assertEquals(2, handled.by("loop").stream().filter(n -> n == 20).count(), "the batch read again");
        } finally {
            loop.stop();
        }
    }

    @Test
    void aKilledConsumersNextOwnerStartsAtItsLastCommitAndLosesNothing() throws Exception {
        String topic = kafka.topic(1);
        kafka.produce(topic, 0, 300);
        String java = ProcessHandle.current().info().command().orElse("java");
        Path out = Files.createTempFile("killed-consumer", ".out");
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        KilledConsumer.class.getName(),
                        kafka.bootstrap(),
                        topic,
                        "killed-" + topic) // the group loop(topic, "killed", ...) joins
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<String> sofar = Files.readAllLines(out);
                return sofar.stream().filter(l -> l.startsWith("handled ")).count() >= 60
                        && sofar.stream().anyMatch(l -> l.startsWith("committed "));
            });
        } finally {
            child.destroyForcibly(); // SIGKILL: no close, no commit, no leaving the group
            child.waitFor();
        }
        List<String> lines = Files.readAllLines(out);
        Files.delete(out);
        long committed = lines.stream()
                .filter(l -> l.startsWith("committed "))
                .mapToLong(l -> Long.parseLong(l.substring(10)))
                .max()
                .orElseThrow();
        int lastHandled = lines.stream()
                .filter(l -> l.startsWith("handled "))
                .mapToInt(l -> Integer.parseInt(l.substring(8)))
                .max()
                .orElseThrow();
        assertTrue(lastHandled < 299, "killed mid-stream (last handled " + lastHandled + ")");

        ConsumerLoop next = loop(topic, "killed", () -> BatchHandler.eachPoll(records -> handled.add("next", records)));
        try {
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> handled.by("next").contains(299));
            int first = handled.by("next").getFirst();
            assertTrue(first >= committed, "read again from " + first + ", before the last commit " + committed);
            assertTrue(first <= lastHandled + 1, "skipped records: starts at " + first + " after " + lastHandled);
            assertEquals(List.copyOf(Handled.range(first, 300)), handled.by("next"));
        } finally {
            next.stop();
        }
    }

    private ConsumerLoop loop(String topic, String group, BatchHandler.Factory handlers) {
        Map<String, Object> settings = kafka.settings(group + "-" + topic);
        ConsumerLoop loop = new ConsumerLoop(LoopKafka.spec(topic, settings), handlers, meters);
        loop.start();
        return loop;
    }

    private double failures() {
        return meters.get("podsearch.consumer.failures").counter().count();
    }

    /**
     * A handler like the indexer's pipeline: a batch is handled when polled but settled (committed) only when the next
     * one comes, or when the loop asks it to finish (a rebalance, a stop).
     */
    private static final class SettledLater implements BatchHandler {
        private final String name;
        private final Handled handled;
        private ConsumerRecords<String, byte[]> unsettled;

        SettledLater(String name, Handled handled) {
            this.name = name;
            this.handled = handled;
        }

        @Override
        public void handle(ConsumerRecords<String, byte[]> records, Session session) {
            if (!records.isEmpty()) {
                finish(session);
                handled.add(name, records);
                unsettled = records;
            }
        }

        @Override
        public void finish(Session session) {
            if (unsettled != null) {
                session.commit(Offsets.after(unsettled));
                unsettled = null;
            }
        }
    }
}
