package dev.podsearch.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class AttemptsTest {

    @Test
    void eachTryIsNotedWithTheInstanceAndWhatCameBack() throws InterruptedException {
        Deque<Object> answers = new ArrayDeque<>();
        answers.add(new IOException("127.0.0.1:18081 refused"));
        answers.add(new Api.Answer(503, null, "127.0.0.1:18080"));
        answers.add(new Api.Answer(200, null, "127.0.0.1:18081"));

        Attempts.Outcome outcome = Attempts.until(Duration.ofSeconds(30), () -> {
            Object next = answers.removeFirst();
            if (next instanceof IOException e) {
                throw e;
            }
            return (Api.Answer) next;
        });

        assertEquals(Attempts.Ack.ACKED, outcome.ack());
        assertEquals(3, outcome.tries());
        assertEquals(3, outcome.trail().size(), outcome.trail().toString());
        assertTrue(
                outcome.trail().get(0).matches("127\\.0\\.0\\.1:18081 refused after \\d+ ms"),
                outcome.trail()::toString);
        assertTrue(
                outcome.trail().get(1).matches("127\\.0\\.0\\.1:18080 503 after \\d+ ms"), outcome.trail()::toString);
        assertTrue(
                outcome.trail().get(2).matches("127\\.0\\.0\\.1:18081 200 after \\d+ ms"), outcome.trail()::toString);
    }

    @Test
    void aRefusalEndsTheTriesAtOnce() throws InterruptedException {
        Attempts.Outcome outcome =
                Attempts.until(Duration.ofSeconds(30), () -> new Api.Answer(400, null, "127.0.0.1:18080"));

        assertEquals(Attempts.Ack.REFUSED, outcome.ack());
        assertEquals(1, outcome.trail().size());
    }
}
