package dev.podsearch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Picks loopback ports: the preferred one when it is free, otherwise one the kernel hands out. A port is handed out
 * once per JVM: the kernel may give a port it just gave again once its probe socket is closed, and a server asked for
 * two ports (Kafka's listener and controller) then got the same one twice and refused to start.
 */
final class Ports {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    private static final int ATTEMPTS = 50;

    private Ports() {}

    /** @param preferred the port to try first; 0 means any free port */
    static synchronized int pick(int preferred) {
        if (preferred > 0 && !HANDED_OUT.contains(preferred) && isFree(preferred)) {
            HANDED_OUT.add(preferred);
            return preferred;
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free loopback port", e);
            }
        }
        throw new IllegalStateException("no loopback port that was not handed out already in " + ATTEMPTS + " tries");
    }

    static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
