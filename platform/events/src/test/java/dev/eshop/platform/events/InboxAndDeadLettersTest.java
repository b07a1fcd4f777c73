package dev.eshop.platform.events;

import dev.eshop.platform.events.inbox.EventConsumers;
import dev.eshop.platform.events.product.ProductQuantityUpdated;
import dev.eshop.platform.events.product.StockChangeCause;
import dev.eshop.platform.events.stock.ReceivedQuantities;
import dev.eshop.platform.events.stock.StockApplication;
import dev.eshop.platform.testing.KafkaTestClient;
import dev.eshop.platform.testing.WithKafka;
import dev.eshop.platform.testing.WithPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = StockApplication.class)
@WithPostgres
@WithKafka
class InboxAndDeadLettersTest {

    private static final String TOPIC = "product-quantity-updated";

    @Autowired
    ReceivedQuantities received;

    @Autowired
    EventConsumers consumers;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${eshop.kafka.topic-prefix}")
    String prefix;

    KafkaTestClient kafka;

    @BeforeEach
    void consumersAreListening() {
        kafka = new KafkaTestClient(bootstrapServers, prefix);
        await().atMost(Duration.ofSeconds(30)).until(consumers::assigned);
    }

    @Test
    void theSameEventDeliveredTwiceHasItsEffectOnce() throws Exception {
        UUID product = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String key = product.toString();

        send(key, eventId, quantityJson(product, 5, 1));
        send(key, eventId, quantityJson(product, 5, 1));
        UUID after = UUID.randomUUID();
        send(key, UUID.randomUUID(), quantityJson(after, 1, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> received.received(after) == 1);
        assertThat(received.received(product)).isEqualTo(1);
        assertThat(received.calls(product)).isEqualTo(1);
    }

    @Test
    void aRecordThatAlwaysFailsIsParkedAfterItsRetriesAndTheRecordsBehindItAreHandled() throws Exception {
        UUID failing = UUID.randomUUID();
        UUID behind = UUID.randomUUID();
        received.failFor(failing);
        String key = UUID.randomUUID().toString();
        double parkedBefore = parked();

        RecordMetadata failed = send(key, UUID.randomUUID(), quantityJson(failing, 3, 1));
        send(key, UUID.randomUUID(), quantityJson(behind, 4, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> received.received(behind) == 1);
        assertThat(received.calls(failing)).isEqualTo(3);
        assertThat(received.received(failing)).as("each failed attempt rolled back").isZero();
        ConsumerRecord<String, byte[]> dead = parkedRecord(failing);
        assertThat(KafkaTestClient.header(dead, "x-group")).isEqualTo(prefix + "eshop-events-test");
        assertThat(KafkaTestClient.header(dead, "x-original-partition")).isEqualTo(Integer.toString(failed.partition()));
        assertThat(KafkaTestClient.header(dead, "x-original-offset")).isEqualTo(Long.toString(failed.offset()));
        assertThat(KafkaTestClient.header(dead, "x-exception")).contains("cannot be recorded");
        assertThat(parked()).isEqualTo(parkedBefore + 1);

        UUID stillFailing = UUID.randomUUID();
        received.failFor(stillFailing);
        send(key, UUID.randomUUID(), quantityJson(stillFailing, 5, 1));
        parkedRecord(stillFailing);
        received.recover(failing);
        assertThat(consumers.replay(TOPIC)).as("the one still failing is parked again").contains(1);
        assertThat(received.received(failing)).isEqualTo(1);
        assertThat(consumers.replay(TOPIC)).as("a second replay continues after the first").contains(0);
        received.recover(stillFailing);
        assertThat(consumers.replay(TOPIC)).as("the record parked again is replayed once it can be handled").contains(1);
        assertThat(received.received(stillFailing)).isEqualTo(1);
        assertThat(consumers.replay("sale-created")).isEmpty();
    }

    @Test
    void malformedRecordsAreParkedAtOnceWithoutRetriesAndDoNotStopTheConsumer() throws Exception {
        String key = UUID.randomUUID().toString();
        UUID missingField = UUID.randomUUID();
        double parkedBefore = parked();

        send(key, UUID.randomUUID(), "this is not JSON");
        send(key, UUID.randomUUID(), "{\"product_id\":\"" + missingField + "\",\"quantity\":1,\"stock_version\":1}");
        kafka.publish(TOPIC, key, quantityJson(UUID.randomUUID(), 1, 1), headers(UUID.randomUUID(), "eshop.product.unknown.v9"));
        Map<String, String> noId = headers(UUID.randomUUID(), "eshop.product.quantity-updated.v1");
        noId.remove("ce_id");
        kafka.publish(TOPIC, key, quantityJson(UUID.randomUUID(), 1, 1), noId);
        UUID after = UUID.randomUUID();
        send(key, UUID.randomUUID(), quantityJson(after, 1, 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> received.received(after) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> parked() == parkedBefore + 4);
        assertThat(received.received(missingField)).isZero();
        assertThat(received.calls(missingField)).as("never reached the handler").isZero();
        List<ConsumerRecord<String, byte[]>> dead = kafka.read(TOPIC + ".DLT", Duration.ofSeconds(20),
                read -> read.stream().filter(r -> key.equals(r.key())).count() >= 4);
        assertThat(dead.stream().filter(r -> key.equals(r.key())).map(r -> KafkaTestClient.header(r, "x-exception")))
                .anySatisfy(e -> assertThat(e).contains("MalformedEventException", "not a valid ProductQuantityUpdated"))
                .anySatisfy(e -> assertThat(e).contains("cause is required"))
                .anySatisfy(e -> assertThat(e).contains("unknown ce_type 'eshop.product.unknown.v9'"))
                .anySatisfy(e -> assertThat(e).contains("no ce_id"));
    }

    private double parked() {
        return Optional.ofNullable(meters.find("eshop.kafka.dlt").tag("topic", TOPIC).counter()).map(c -> c.count()).orElse(0.0);
    }

    private ConsumerRecord<String, byte[]> parkedRecord(UUID product) {
        return kafka.read(TOPIC + ".DLT", Duration.ofSeconds(20),
                        read -> read.stream().anyMatch(r -> EventJson.toString(r.value()).contains(product.toString())))
                .stream().filter(r -> EventJson.toString(r.value()).contains(product.toString()))
                .findFirst().orElseThrow();
    }

    private RecordMetadata send(String key, UUID eventId, String json) {
        return kafka.publish(TOPIC, key, json, headers(eventId, "eshop.product.quantity-updated.v1"));
    }

    private static Map<String, String> headers(UUID eventId, String type) {
        return KafkaTestClient.cloudEventHeaders(eventId, type, "any");
    }

    private static String quantityJson(UUID product, int quantity, long version) {
        return EventJson.write(new ProductQuantityUpdated(product, quantity, StockChangeCause.RESTOCK, version, Instant.now()));
    }
}
