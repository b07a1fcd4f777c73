package dev.eshop.platform.testing;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One single-node Kafka (KRaft, broker and controller in one) per test JVM, on fixed ports for its
 * lifetime so that a test can stop it and start it again at the same address with its data kept.
 */
public final class KafkaEngine {

    private static final AtomicInteger STARTS = new AtomicInteger();
    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private static KafkaEngine instance;

    private final int port = Ports.free();
    private final int controllerPort = Ports.free();
    private final Path logDir;
    private KafkaRaftServer server;

    private KafkaEngine() throws IOException {
        this.logDir = Files.createTempDirectory("eshop-kafka");
        Path config = logDir.resolveSibling(logDir.getFileName() + ".properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            properties().store(out, null);
        }
        String clusterId = Uuid.randomUuid().toString();
        int exit = StorageTool.execute(
                new String[] {"format", "--standalone", "-t", clusterId, "-c", config.toString()},
                new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("could not format the Kafka log directory " + logDir);
        }
        start();
        STARTS.incrementAndGet();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "kafka-engine-stop"));
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
        return "127.0.0.1:" + port;
    }

    /** A prefix for topic names and consumer groups that no other caller in this JVM gets. */
    public String freshNamespace(String hint) {
        return DatabaseNames.unique(hint, NAMESPACES.incrementAndGet()).replace('_', '-') + ".";
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** Starts the broker again after {@link #stop()}, at the same address and with the same data. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaRaftServer started = new KafkaRaftServer(KafkaConfig.fromProps(properties()), Time.SYSTEM);
        started.startup();
        server = started;
    }

    /** Stops the broker; clients see it as down until {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        return p;
    }

    @Override
    public String toString() {
        return "Kafka at " + bootstrapServers() + (running() ? "" : " (stopped)");
    }

}
