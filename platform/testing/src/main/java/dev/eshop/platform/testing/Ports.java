package dev.eshop.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on 127.0.0.1, for servers a test starts. They are taken below the kernel's
 * ephemeral range (32768 and up), which outgoing connections draw their local ports from: a port
 * from that range can be taken by some client's connection between the check and the server's start.
 */
public final class Ports {

    private static final int LOWEST = 20000;
    private static final int BELOW_EPHEMERAL = 32768;

    private Ports() {
    }

    public static int free() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, BELOW_EPHEMERAL);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                return port;
            }
            catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port on 127.0.0.1 between " + LOWEST + " and " + BELOW_EPHEMERAL));
    }
}
