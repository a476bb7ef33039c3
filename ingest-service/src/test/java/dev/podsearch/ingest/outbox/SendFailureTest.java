package dev.podsearch.ingest.outbox;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class SendFailureTest {

    @Test
    void aRecordTooLargeIsRefusedForGoodWithWhatToDo() {
        SendFailure failure = SendFailure.of(
                new ExecutionException(new RecordTooLargeException("too large")),
                42,
                "transcripts.v1",
                60_000_000,
                OutboxRelay.MAX_REQUEST_BYTES);
        assertTrue(failure.permanent());
        assertThat(failure.reason(), containsString("60.0 MB"));
        assertThat(failure.reason(), containsString("max.request.size"));
        assertThat(failure.reason(), containsString("split the transcript"));
        assertThat(failure.reason(), containsString("POST /admin/outbox/parked/42/retry"));
    }

    @Test
    void anInvalidRecordInsideAKafkaExceptionIsRefusedForGood() {
        SendFailure failure = SendFailure.of(
                new ExecutionException(new KafkaException(new InvalidRecordException("bad timestamp"))),
                7,
                "transcripts.v1",
                100,
                OutboxRelay.MAX_REQUEST_BYTES);
        assertTrue(failure.permanent());
        assertThat(failure.reason(), containsString("InvalidRecordException: bad timestamp"));
    }

    @Test
    void timeoutsAndMissingReplicasPass() {
        assertFalse(SendFailure.of(new ExecutionException(new TimeoutException("expired")), 1, "t", 1, 1)
                .permanent());
        assertFalse(SendFailure.of(new ExecutionException(new NotEnoughReplicasException("1 of 3")), 1, "t", 1, 1)
                .permanent());
        assertFalse(SendFailure.of(new IllegalStateException("producer closed"), 1, "t", 1, 1)
                .permanent());
    }
}
