package dev.eshop.product.store.dynamodb;

import dev.eshop.platform.testing.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One dynalite (a DynamoDB-compatible server on LevelDB, npm {@code dynalite@4.0.0}, installed in
 * {@code services/product/node_modules} by {@code npm ci}) per test JVM, on a free port of 127.0.0.1,
 * in memory, stopped when the JVM exits. Each caller gets a table prefix of its own.
 */
public final class DynaliteEngine {

    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static DynaliteEngine instance;

    private final int port = Ports.free();
    private final Process process;

    private DynaliteEngine() throws IOException {
        Path cli = cli();
        Path log = Files.createTempFile("eshop-dynalite", ".log");
        this.process = new ProcessBuilder("node", cli.toString(), "--port", Integer.toString(port), "--host", "127.0.0.1",
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "dynalite-stop"));
        awaitReady(log);
    }

    public static synchronized DynaliteEngine get() {
        if (instance == null) {
            try {
                instance = new DynaliteEngine();
            }
            catch (IOException e) {
                throw new UncheckedIOException("dynalite did not start", e);
            }
        }
        return instance;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** A table prefix no other test class uses. */
    public String tablePrefix(String hint) {
        return "eshop-" + hint.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + PREFIXES.incrementAndGet() + "-";
    }

    private static Path cli() {
        for (Path dir : new Path[] {Path.of(""), Path.of("services", "product")}) {
            Path cli = dir.resolve("node_modules/dynalite/cli.js").toAbsolutePath();
            if (Files.isRegularFile(cli)) {
                return cli;
            }
        }
        throw new IllegalStateException("dynalite is not installed: run 'npm ci' in services/product");
    }

    private void awaitReady(Path log) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited during start-up:\n" + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            }
            catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while dynalite was starting", e);
                }
            }
        }
        process.destroy();
        throw new IllegalStateException("dynalite did not listen within 30 s:\n" + Files.readString(log));
    }
}
