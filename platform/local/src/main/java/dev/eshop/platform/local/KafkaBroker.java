package dev.eshop.platform.local;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A single-node Kafka in KRaft mode (broker and controller in one) inside this JVM, on fixed ports.
 * The log directory is formatted only when it has no {@code meta.properties} yet, so topics and
 * offsets survive a stop and a start, within one JVM or across restarts.
 */
public final class KafkaBroker {

    private final Path logDirectory;
    private final int port;
    private final int controllerPort;
    private final int partitions;
    private KafkaRaftServer server;

    /**
     * @param partitions partitions of a topic created on first use
     */
    public KafkaBroker(Path logDirectory, int port, int controllerPort, int partitions) {
        this.logDirectory = logDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.partitions = partitions;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** Starts the broker, formatting its log directory first when it is new. */
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        Files.createDirectories(logDirectory);
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            format();
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

    private void format() throws IOException {
        Path config = Files.createTempFile("eshop-kafka", ".properties");
        try {
            try (OutputStream out = Files.newOutputStream(config)) {
                properties().store(out, null);
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int exit = StorageTool.execute(
                    new String[] {"format", "--standalone", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            if (exit != 0) {
                throw new IllegalStateException("could not format the Kafka log directory " + logDirectory + ": "
                        + output.toString(StandardCharsets.UTF_8));
            }
        }
        finally {
            Files.deleteIfExists(config);
        }
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
        p.put("log.dirs", logDirectory.toString());
        p.put("num.partitions", Integer.toString(partitions));
        p.put("auto.create.topics.enable", "true");
        // One node: every internal topic has one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "3");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Few threads: it shares a small machine with everything else.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("background.threads", "2");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        return p;
    }

    @Override
    public String toString() {
        return "Kafka at " + bootstrapServers() + (running() ? "" : " (stopped)");
    }
}
