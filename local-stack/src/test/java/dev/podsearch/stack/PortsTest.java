package dev.podsearch.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aPortIsHandedOutOncePerJvmEvenWhenTheKernelWouldGiveItAgain() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ports.add(Ports.pick(0));
        }
        assertEquals(200, ports.size());
        int preferred = Ports.pick(0);
        assertNotEquals(preferred, Ports.pick(preferred), "a preferred port handed out already is not given again");
    }
}
