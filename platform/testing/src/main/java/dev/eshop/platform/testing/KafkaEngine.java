package dev.eshop.platform.testing;

import dev.eshop.platform.local.KafkaBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One single-node Kafka (KRaft, broker and controller in one) per test JVM, on fixed ports for its
 * lifetime so that a test can stop it and start it again at the same address with its data kept.
 */
public final class KafkaEngine {

    private static final AtomicInteger STARTS = new AtomicInteger();
    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private static KafkaEngine instance;

    private final KafkaBroker broker;

    private KafkaEngine() throws IOException {
        broker = new KafkaBroker(Files.createTempDirectory("eshop-kafka"), Ports.free(), Ports.free(), 3);
        broker.start();
        STARTS.incrementAndGet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-engine-stop"));
    }

    public static synchronized KafkaEngine get() {
        if (instance == null) {
            try {
                instance = new KafkaEngine();
            }
            catch (IOException e) {
                throw new UncheckedIOException("embedded Kafka did not start", e);
            }
        }
        return instance;
    }

    /** How often this JVM launched Kafka (a {@link #stop()} and {@link #start()} by a test is not counted). */
    public static int starts() {
        return STARTS.get();
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** A prefix for topic names and consumer groups that no other caller in this JVM gets. */
    public String freshNamespace(String hint) {
        return DatabaseNames.unique(hint, NAMESPACES.incrementAndGet()).replace('_', '-') + ".";
    }

    public boolean running() {
        return broker.running();
    }

    /** Starts the broker again after {@link #stop()}, at the same address and with the same data. */
    public void start() {
        try {
            broker.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException("embedded Kafka did not start again", e);
        }
    }

    /** Stops the broker; clients see it as down until {@link #start()}. */
    public void stop() {
        broker.stop();
    }

    @Override
    public String toString() {
        return broker.toString();
    }

}
