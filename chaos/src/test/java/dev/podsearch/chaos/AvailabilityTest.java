package dev.podsearch.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
