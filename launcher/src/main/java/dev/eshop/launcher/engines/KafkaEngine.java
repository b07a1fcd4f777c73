package dev.eshop.launcher.engines;

import dev.eshop.platform.local.KafkaBroker;

import java.nio.file.Path;

/** Kafka inside the launcher's JVM, on fixed ports, its log in {@code data/kafka}, kept across restarts. */
public final class KafkaEngine implements Engine {

    private final KafkaBroker broker;

    public KafkaEngine(Path logDirectory, int port, int controllerPort) {
        this.broker = new KafkaBroker(logDirectory, port, controllerPort, 1);
    }

    @Override
    public String name() {
        return "Kafka";
    }

    @Override
    public String portSetting() {
        return "kafka";
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void start() throws Exception {
        broker.start();
    }

    @Override
    public void stop() {
        try {
            broker.stop();
        }
        catch (RuntimeException ignored) {
            // shutting down anyway
        }
    }
}
