package dev.eshop.platform.events;

import dev.eshop.platform.events.product.ProductQuantityUpdated;
import dev.eshop.platform.events.stock.ReceivedQuantities;
import dev.eshop.platform.events.stock.StockApplication;
import dev.eshop.platform.events.stock.StockChanges;
import dev.eshop.platform.testing.KafkaTestClient;
import dev.eshop.platform.testing.KafkaEngine;
import dev.eshop.platform.testing.WithKafka;
import dev.eshop.platform.testing.WithMariaDb;
import dev.eshop.platform.testing.WithPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kafka is down while events are written; once it is back every event arrives once, in order per key. */
class KafkaOutageTest {

    private static final int EVENTS = 200;
    private static final int PRODUCTS = 10;

    abstract static class Outage {

        @Autowired
        StockChanges stock;

        @Autowired
        ReceivedQuantities received;

        @Autowired
        MeterRegistry meters;

        @Value("${spring.kafka.bootstrap-servers}")
        String bootstrapServers;

        @Value("${eshop.kafka.topic-prefix}")
        String prefix;

        @Test
        void everyEventWrittenWhileKafkaWasDownArrivesExactlyOnceAndInOrderPerKey() {
            List<UUID> products = IntStream.range(0, PRODUCTS).mapToObj(i -> UUID.randomUUID()).toList();
            Set<UUID> written = new HashSet<>();
            KafkaEngine kafka = KafkaEngine.get();
            kafka.stop();
            try {
                for (int i = 0; i < EVENTS; i++) {
                    written.add(stock.change(products.get(i % PRODUCTS), i, i / PRODUCTS + 1));
                }
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        meters.get("eshop.outbox.publish.failures").counter().count() > 0
                                && meters.get("eshop.outbox.pending").gauge().value() == EVENTS);
            }
            finally {
                kafka.start();
            }

            List<ConsumerRecord<String, byte[]>> records = new KafkaTestClient(bootstrapServers, prefix)
                    .read("product-quantity-updated", Duration.ofSeconds(90), read -> read.size() >= EVENTS);
            await().atMost(Duration.ofSeconds(30)).until(() -> received.receivedTotal() == EVENTS);

            assertThat(records).hasSize(EVENTS);
            Set<UUID> ids = new HashSet<>();
            Map<String, List<Long>> versionsByKey = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                ids.add(UUID.fromString(KafkaTestClient.header(record, "ce_id")));
                versionsByKey.computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(EventJson.read(record.value(), ProductQuantityUpdated.class).stockVersion());
            }
            assertThat(ids).isEqualTo(written);
            assertThat(versionsByKey).hasSize(PRODUCTS);
            versionsByKey.values().forEach(versions -> assertThat(versions).isSorted().doesNotHaveDuplicates().hasSize(EVENTS / PRODUCTS));
            await().atMost(Duration.ofSeconds(10)).until(() -> meters.get("eshop.outbox.pending").gauge().value() == 0);
        }
    }

    @Nested
    @SpringBootTest(classes = StockApplication.class)
    @WithPostgres
    @WithKafka
    class OnPostgres extends Outage {
    }

    @Nested
    @SpringBootTest(classes = StockApplication.class)
    @WithMariaDb
    @WithKafka
    class OnMariaDb extends Outage {
    }
}
