package dev.eshop.perf.outbox;

import dev.eshop.platform.events.outbox.Outbox;
import dev.eshop.platform.events.outbox.OutboxRelay;
import dev.eshop.platform.events.product.ProductQuantityUpdated;
import dev.eshop.platform.events.product.StockChangeCause;
import dev.eshop.platform.testing.KafkaEngine;
import dev.eshop.platform.testing.PostgresEngine;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Outbox relay throughput and commit-to-Kafka latency, against embedded PostgreSQL and Kafka.
 *
 * <ol>
 *   <li>Throughput: {@code backlog} rows are written while the relay is stopped; the relay is started and
 *   timed until the outbox is empty.</li>
 *   <li>Latency: with the relay running, one event is committed every {@code gap} ms; a consumer
 *   measures the time from the commit to the record's arrival.</li>
 * </ol>
 *
 * Run: {@code ./mvnw -q -pl perf -am install -DskipTests && ./mvnw -q -pl perf exec:java}
 * (optional {@code -Dbacklog=20000 -Dlatency.events=2000 -Dgap=5}).
 */
@SpringBootApplication
public class OutboxBenchmark {

    public static void main(String[] args) throws Exception {
        int backlog = Integer.getInteger("backlog", 20_000);
        int latencyEvents = Integer.getInteger("latency.events", 2_000);
        int gapMillis = Integer.getInteger("gap", 5);

        PostgresEngine postgres = PostgresEngine.get();
        KafkaEngine kafka = KafkaEngine.get();
        String database = postgres.createDatabase("outbox_benchmark");
        String prefix = kafka.freshNamespace("bench");
        ConfigurableApplicationContext context = new SpringApplication(OutboxBenchmark.class).run(
                "--spring.datasource.url=" + postgres.jdbcUrl(database),
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--eshop.kafka.topic-prefix=" + prefix);
        try {
            Outbox outbox = context.getBean(Outbox.class);
            OutboxRelay relay = context.getBean(OutboxRelay.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            TransactionTemplate transaction = context.getBean(TransactionTemplate.class);

            // Warm-up: topic creation, producer metadata, JIT.
            writeEvents(transaction, outbox, 2_000, 100);
            awaitEmpty(jdbc);

            relay.stop();
            writeEvents(transaction, outbox, backlog, 100);
            long started = System.nanoTime();
            relay.start();
            awaitEmpty(jdbc);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("throughput: %d events relayed in %.2f s = %.0f events/s%n", backlog, seconds, backlog / seconds);

            List<Long> latencies = measureLatency(kafka.bootstrapServers(), prefix + "product-quantity-updated",
                    transaction, outbox, latencyEvents, gapMillis);
            Collections.sort(latencies);
            System.out.printf("commit->Kafka latency over %d events (one every %d ms): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    latencies.size(), gapMillis, percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                    latencies.getLast() / 1e6);
        }
        finally {
            context.close();
            System.exit(0);
        }
    }

    private static void writeEvents(TransactionTemplate transaction, Outbox outbox, int count, int perTransaction) {
        for (int written = 0; written < count; written += perTransaction) {
            int batch = Math.min(perTransaction, count - written);
            transaction.executeWithoutResult(status -> {
                for (int i = 0; i < batch; i++) {
                    outbox.add(event(UUID.randomUUID()));
                }
            });
        }
    }

    private static ProductQuantityUpdated event(UUID product) {
        return new ProductQuantityUpdated(product, 5, StockChangeCause.RESTOCK, 1, Instant.now());
    }

    private static void awaitEmpty(JdbcClient jdbc) throws InterruptedException {
        while (jdbc.sql("SELECT count(*) FROM outbox WHERE sent_at IS NULL").query(Long.class).single() > 0) {
            Thread.sleep(5);
        }
    }

    /** Nanoseconds from the start of each committing transaction to the record's arrival at a consumer. */
    private static List<Long> measureLatency(String bootstrap, String topic, TransactionTemplate transaction, Outbox outbox,
                                            int events, int gapMillis) throws Exception {
        Map<String, Long> writtenAt = new ConcurrentHashMap<>();
        Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
        AtomicBoolean consuming = new AtomicBoolean(true);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "latency-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            // Fix the starting positions now, so no event written from here on is skipped.
            consumer.assignment().forEach(consumer::position);
            Thread reader = Thread.ofPlatform().start(() -> {
                while (consuming.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                        arrivedAt.put(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8), System.nanoTime());
                    }
                }
            });
            for (int i = 0; i < events; i++) {
                long started = System.nanoTime();
                UUID id = transaction.execute(status -> outbox.add(event(UUID.randomUUID())));
                writtenAt.put(id.toString(), started);
                Thread.sleep(gapMillis);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!arrivedAt.keySet().containsAll(writtenAt.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            consuming.set(false);
            reader.join();
        }
        List<Long> latencies = new ArrayList<>();
        writtenAt.forEach((id, written) -> {
            Long arrived = arrivedAt.get(id);
            if (arrived != null) {
                latencies.add(arrived - written);
            }
        });
        if (latencies.size() < writtenAt.size()) {
            System.out.printf("%d of %d events did not arrive within 30 s%n", writtenAt.size() - latencies.size(), writtenAt.size());
        }
        return latencies;
    }

    private static double percentile(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
