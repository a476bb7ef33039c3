package dev.podsearch.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityTest {

    private static FaultResult fault(long from, long until) {
        Fault fault = new Fault(1, Duration.ZERO, Target.KAFKA, Fault.Kind.KILL, Duration.ofSeconds(12), 0, true);
        return new FaultResult(fault, Duration.ZERO, Duration.ZERO, null, from, until);
    }

    @Test
    void aRequestCountsForAFaultItMetWhetherItStartedBeforeOrDuringIt() {
        List<FaultResult> faults = List.of(fault(100, 200));
        Availability availability = new Availability();
        availability.requests().add(new Availability.Request(Availability.Kind.WRITE, 50, 150, false)); // in flight
        availability.requests().add(new Availability.Request(Availability.Kind.WRITE, 120, 130, true)); // during
        availability.requests().add(new Availability.Request(Availability.Kind.WRITE, 10, 90, true)); // before
        availability.requests().add(new Availability.Request(Availability.Kind.WRITE, 210, 220, true)); // after
        availability.requests().add(new Availability.Request(Availability.Kind.SEARCH, 150, 160, true));

        assertEquals(new Availability.Share(1, 2), availability.during(Availability.Kind.WRITE, faults));
        assertEquals(new Availability.Share(1, 1), availability.during(Availability.Kind.SEARCH, faults));
    }

    @Test
    void unansweredRequestsAreCountedByTheFaultTheyMetSlowApartFromNever() {
        List<FaultResult> faults = List.of(fault(100, 200));
        Availability availability = new Availability();
        availability.requests().add(new Availability.Request(Availability.Kind.WRITE, 50, 150, false, true)); // late
        availability.requests().add(new Availability.Request(Availability.Kind.SEARCH, 120, 130, false)); // never
        availability.requests().add(new Availability.Request(Availability.Kind.SEARCH, 150, 160, true)); // answered
        availability.requests().add(new Availability.Request(Availability.Kind.WRITE, 300, 400, false)); // outside

        assertEquals(
                List.of(
                        "#1 " + faults.getFirst().fault().describe()
                                + ": 1 writes, 1 searches (1 answered later, 1 never)",
                        "outside any fault: 1 writes, 0 searches (0 answered later, 1 never)"),
                availability.unansweredBySteps(faults));
    }

    @Test
    void aRequestUnansweredInTimeIsSpelledOutTryByTry() {
        Availability availability = new Availability();
        long now = System.nanoTime();
        availability.record(
                Availability.Kind.SEARCH,
                now,
                new Attempts.Outcome(
                        Attempts.Ack.UNKNOWN,
                        new Api.Answer(503, null, "127.0.0.1:18080"),
                        2,
                        List.of("127.0.0.1:18081 timed out after 5001 ms", "127.0.0.1:18080 503 after 3 ms")));
        availability.record(
                Availability.Kind.WRITE,
                now,
                new Attempts.Outcome(
                        Attempts.Ack.ACKED,
                        new Api.Answer(202, null, "127.0.0.1:18081"),
                        1,
                        List.of("127.0.0.1:18081 202 after 4 ms")));
        availability
                .requests()
                .add(new Availability.Request(
                        Availability.Kind.WRITE,
                        now,
                        now + 12_300_000_000L,
                        false,
                        true,
                        List.of("a 200 after 12300 ms")));

        List<String> trails = availability.unansweredTrails(10);

        assertEquals(2, trails.size(), trails.toString());
        assertTrue(
                trails.get(0)
                        .matches("search at -?\\d+\\.\\d s, never answered: 127\\.0\\.0\\.1:18081 timed out after"
                                + " 5001 ms; 127\\.0\\.0\\.1:18080 503 after 3 ms"),
                trails.get(0));
        assertTrue(
                trails.get(1).matches("write at -?\\d+\\.\\d s, answered after 12\\.3 s: a 200 after 12300 ms"),
                trails.get(1));
    }
}
