package dev.podsearch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks loopback ports: the preferred one when it is free, otherwise one the kernel hands out. */
final class Ports {

    private Ports() {}

    /** @param preferred the port to try first; 0 means any free port */
    static int pick(int preferred) {
        if (preferred > 0 && isFree(preferred)) {
            return preferred;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
