package dev.podsearch.ingest.outbox;

import dev.podsearch.events.TopicSetup;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Why Kafka did not acknowledge one event, and whether sending it again can help. Refused for good: what is wrong with
 * the event itself (too large, invalid, cannot be serialized); everything else (timeouts, broker down, not enough
 * replicas, authorization while an operator fixes it) passes, and is retried with backoff.
 *
 * @param permanent true when the same event will be refused again however often it is sent
 * @param reason what a person reads: in the event's {@code last_error} and, when parked, the upload's status reason
 */
record SendFailure(boolean permanent, String reason) {

    /** The event itself is the problem: the same bytes to the same topic are refused again. */
    static final Set<Class<? extends Throwable>> REFUSED_FOR_GOOD = Set.of(
            RecordTooLargeException.class,
            RecordBatchTooLargeException.class,
            InvalidRecordException.class,
            SerializationException.class,
            InvalidTopicException.class);

    static SendFailure of(Throwable error, long id, String topic, int payloadBytes, long maxRequestBytes) {
        Throwable cause = unwrap(error);
        String kafkaSays = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException) {
            return new SendFailure(
                    true,
                    "the transcript's event is " + megabytes(payloadBytes) + ", larger than Kafka accepts (the"
                            + " producer's max.request.size is " + megabytes(maxRequestBytes) + ", the topic " + topic
                            + "'s max.message.bytes " + megabytes(TopicSetup.MAX_MESSAGE_BYTES)
                            + " by default, after compression); split the transcript into smaller episodes and upload"
                            + " them, or raise both limits and retry it (POST /admin/outbox/parked/" + id
                            + "/retry). Kafka said: " + kafkaSays);
        }
        if (REFUSED_FOR_GOOD.stream().anyMatch(type -> type.isInstance(cause))) {
            return new SendFailure(
                    true,
                    "Kafka refuses the transcript's event for good (" + kafkaSays + "); fix the cause and retry it"
                            + " (POST /admin/outbox/parked/" + id + "/retry)");
        }
        return new SendFailure(false, "not acknowledged by Kafka, retrying with backoff: " + kafkaSays);
    }

    /** The exception Kafka threw, from inside the wrappers futures put around it. */
    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; depth < 10; depth++) { // bounded: causes may loop
            boolean wrapper = cause instanceof ExecutionException
                    || cause instanceof CompletionException
                    || (cause.getClass() == KafkaException.class);
            if (!wrapper || cause.getCause() == null) {
                break;
            }
            cause = cause.getCause();
        }
        return cause;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB (%d bytes)", bytes / 1_000_000.0, bytes);
    }
}
