package dev.eshop.platform.events;

import dev.eshop.platform.events.outbox.Outbox;
import dev.eshop.platform.events.product.ProductQuantityUpdated;
import dev.eshop.platform.events.product.StockChangeCause;
import dev.eshop.platform.events.stock.ReceivedQuantities;
import dev.eshop.platform.events.stock.StockApplication;
import dev.eshop.platform.events.stock.StockChanges;
import dev.eshop.platform.testing.KafkaTestClient;
import dev.eshop.platform.testing.WithKafka;
import dev.eshop.platform.testing.WithPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = StockApplication.class)
@WithPostgres
@WithKafka
class OutboxTest {

    @Autowired
    StockChanges stock;

    @Autowired
    ReceivedQuantities received;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${eshop.kafka.topic-prefix}")
    String prefix;

    @Test
    void aCommittedChangeAndItsEventArriveTogetherWithCloudEventHeaders() {
        UUID product = UUID.randomUUID();

        UUID eventId = stock.change(product, 7, 1);

        assertThat(stock.notes(product)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.received(product) == 1);
        List<ConsumerRecord<String, byte[]>> records = new KafkaTestClient(bootstrapServers, prefix).read("product-quantity-updated",
                Duration.ofSeconds(20), read -> read.stream().anyMatch(r -> r.key().equals(product.toString())));
        ConsumerRecord<String, byte[]> record = records.stream().filter(r -> r.key().equals(product.toString())).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(record, "ce_id")).isEqualTo(eventId.toString());
        assertThat(KafkaTestClient.header(record, "ce_type")).isEqualTo("eshop.product.quantity-updated.v1");
        assertThat(KafkaTestClient.header(record, "ce_source")).isEqualTo("/eshop/events-test");
        assertThat(KafkaTestClient.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaTestClient.header(record, "ce_subject")).isEqualTo(product.toString());
        assertThat(KafkaTestClient.header(record, "content-type")).isEqualTo("application/json");
        assertThat(Instant.parse(KafkaTestClient.header(record, "ce_time"))).isBefore(Instant.now());
        ProductQuantityUpdated payload = EventJson.read(record.value(), ProductQuantityUpdated.class);
        assertThat(payload.productId()).isEqualTo(product);
        assertThat(payload.quantity()).isEqualTo(7);
        assertThat(EventJson.toString(record.value())).contains("\"product_id\"", "\"stock_version\"", "\"changed_at\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT sent_at FROM outbox WHERE id = ?").param(eventId)
                .query(java.sql.Timestamp.class).optional().isPresent());
    }

    @Test
    void aRolledBackChangeSendsNothing() {
        UUID failed = UUID.randomUUID();
        UUID after = UUID.randomUUID();

        assertThatThrownBy(() -> stock.changeThenFail(failed, 3)).isInstanceOf(IllegalStateException.class);
        stock.change(after, 4, 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> received.received(after) == 1);
        assertThat(stock.notes(failed)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE message_key = ?").param(failed.toString()).query(Integer.class).single())
                .isZero();
        List<ConsumerRecord<String, byte[]>> records = new KafkaTestClient(bootstrapServers, prefix).read("product-quantity-updated",
                Duration.ofSeconds(20), read -> read.stream().anyMatch(r -> r.key().equals(after.toString())));
        assertThat(records).extracting(ConsumerRecord::key).contains(after.toString()).doesNotContain(failed.toString());
        assertThat(received.received(failed)).isZero();
    }

    @Test
    void anEventOutsideATransactionIsRefused() {
        var event = new ProductQuantityUpdated(UUID.randomUUID(), 1, StockChangeCause.RESTOCK, 1, Instant.now());

        assertThatThrownBy(() -> outbox.add(event))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("transaction");
    }
}
