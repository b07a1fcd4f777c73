package dev.eshop.platform.testing;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded Redis per test JVM. Each caller gets one of its logical databases 1–15, emptied first.
 */
public final class RedisEngine {

    private static final AtomicInteger STARTS = new AtomicInteger();
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static RedisEngine instance;

    private final RedisServer server;
    private final int port;

    private RedisEngine() throws IOException {
        this.port = Ports.free();
        this.server = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
        STARTS.incrementAndGet();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "redis-engine-stop"));
    }

    public static synchronized RedisEngine get() {
        if (instance == null) {
            try {
                instance = new RedisEngine();
            }
            catch (IOException e) {
                throw new UncheckedIOException("embedded Redis did not start", e);
            }
        }
        return instance;
    }

    /** How often this JVM started Redis. */
    public static int starts() {
        return STARTS.get();
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Picks the next logical database, empties it and returns its index. */
    public int freshDatabase() {
        int index = 1 + (DATABASES.getAndIncrement() % 15);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("SELECT " + index + "\r\nFLUSHDB\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String replies = readLines(in, 2);
            if (!replies.equals("+OK\r\n+OK\r\n")) {
                throw new IllegalStateException("Redis refused to empty database " + index + ": " + replies);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Redis did not answer", e);
        }
        return index;
    }

    private static String readLines(InputStream in, int lines) throws IOException {
        StringBuilder text = new StringBuilder();
        int seen = 0;
        while (seen < lines) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            text.append((char) c);
            if (c == '\n') {
                seen++;
            }
        }
        return text.toString();
    }

    private void close() {
        try {
            server.stop();
        }
        catch (IOException ignored) {
            // the JVM is going away
        }
    }
}
