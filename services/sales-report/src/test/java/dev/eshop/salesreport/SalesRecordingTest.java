package dev.eshop.salesreport;

import dev.eshop.platform.events.EventJson;
import dev.eshop.platform.events.inbox.EventConsumers;
import dev.eshop.platform.events.order.SaleCreated;
import dev.eshop.platform.testing.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sale-created} in (events.md §3.8): one row per order line with margin = line_total × rate, and
 * every way an event can come again (the same record, the same sale with another ce_id, a later event
 * for the same order, a replay from the dead-letter topic) counts each line once, in the lines and in
 * the reports (ARCHITECTURE.md §7.4). Each test works on a day of its own.
 */
class SalesRecordingTest extends SalesReportTestSupport {

    private static final UUID NAKED = UUID.fromString("0195a000-0000-7000-8000-0000000000c1");
    private static final UUID SUV = UUID.fromString("0195a000-0000-7000-8000-0000000000c2");

    @Test
    void everyItemBecomesOneLineAndItsMarginIsTheRateOfTheLineTotal() {
        UUID order = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID z900 = UUID.randomUUID();
        UUID cx60 = UUID.randomUUID();
        record(sale(order, user, "2025-05-06T09:15:00Z",
                item(z900, "Kawasaki Z900", NAKED, "Naked", 3, "10000.30"),
                item(cx60, "Mazda CX-60", SUV, "SUV", 1, "68500.00")));

        assertThat(lineCount(order)).isEqualTo(2);
        Map<String, Object> z900Line = jdbc.sql("SELECT * FROM sales_lines WHERE order_id = ? AND product_id = ?").params(order, z900)
                .query().singleRow();
        assertThat(z900Line).containsEntry("user_id", user).containsEntry("product_name", "Kawasaki Z900")
                .containsEntry("category_id", NAKED).containsEntry("category_name", "Naked").containsEntry("quantity", 3)
                .containsEntry("unit_price", new BigDecimal("10000.30")).containsEntry("line_total", new BigDecimal("30000.90"))
                .containsEntry("margin_rate", new BigDecimal("0.1500"))
                // 30000.90 × 0.15 = 4500.135 → 4500.14 (the original stored 15 % of the unit price: 1500.05)
                .containsEntry("margin", new BigDecimal("4500.14"));
        assertThat(z900Line.get("recorded_at")).isNotNull();

        String body = get("/v1/sales?order_id=" + order + "&from=2025-05-06&to=2025-05-06&sort=line_total,asc")
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"margin_rate\":0.1500", "\"margin\":4500.14", "\"line_total\":30000.90",
                "\"paid_at\":\"2025-05-06T09:15:00Z\"", "\"total\":2");
        get("/v1/sales?order_id=" + order + "&from=2025-05-06&to=2025-05-06&sort=line_total,asc").expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].order_id").isEqualTo(order.toString())
                .jsonPath("$.items[0].user_id").isEqualTo(user.toString())
                .jsonPath("$.items[0].product_id").isEqualTo(z900.toString())
                .jsonPath("$.items[0].category_id").isEqualTo(NAKED.toString())
                .jsonPath("$.items[0].quantity").isEqualTo(3)
                .jsonPath("$.items[0].unit_price").isEqualTo(10000.30)
                .jsonPath("$.items[1].product_name").isEqualTo("Mazda CX-60")
                .jsonPath("$.items[1].margin").isEqualTo(10275.00);
        get("/v1/sales/summary?from=2025-05-06&to=2025-05-06").expectStatus().isOk().expectBody()
                .jsonPath("$.revenue").isEqualTo(98500.90)
                .jsonPath("$.orders").isEqualTo(1)
                .jsonPath("$.units").isEqualTo(4)
                .jsonPath("$.average_order_value").isEqualTo(98500.90)
                .jsonPath("$.margin").isEqualTo(14775.14);
    }

    @Test
    void theSameSaleDeliveredAgainOrPublishedAgainCountsOnce() {
        UUID order = UUID.randomUUID();
        UUID product = UUID.randomUUID();
        SaleCreated sale = sale(order, UUID.randomUUID(), "2025-05-07T12:00:00Z", item(product, "Honda Civic", SUV, "SUV", 2, "25000.00"));
        String json = EventJson.write(sale);
        UUID first = kafka.publishEvent(SALE_CREATED, SALE_CREATED_TYPE, order.toString(), json);
        awaitHandled(first);

        // The same record again (same ce_id), the same sale under a new ce_id, and a later event for the
        // same order and product with other figures: the recorded line is left as it is.
        kafka.publish(SALE_CREATED, order.toString(), json, KafkaTestClient.cloudEventHeaders(first, SALE_CREATED_TYPE, order.toString()));
        UUID again = publish(sale);
        UUID changed = publish(sale(order, sale.userId(), "2025-05-07T13:00:00Z", item(product, "Honda Civic", SUV, "SUV", 5, "26000.00")));
        awaitHandled(again);
        awaitHandled(changed);

        assertThat(lineCount(order)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT quantity FROM sales_lines WHERE order_id = ?").param(order).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id IN (?, ?, ?)").params(first, again, changed)
                .query(Integer.class).single()).isEqualTo(3);
        get("/v1/sales/summary?from=2025-05-07&to=2025-05-07").expectStatus().isOk().expectBody()
                .jsonPath("$.revenue").isEqualTo(50000.00)
                .jsonPath("$.orders").isEqualTo(1)
                .jsonPath("$.units").isEqualTo(2)
                .jsonPath("$.margin").isEqualTo(7500.00);
        get("/v1/sales/top-products?from=2025-05-07&to=2025-05-07").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].orders").isEqualTo(1)
                .jsonPath("$.items[0].units").isEqualTo(2);
    }

    @Test
    void aLaterEventWithAnotherProductAddsOnlyThatLineAndTheOrderStillCountsOnce() {
        UUID order = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        record(sale(order, user, "2025-05-08T08:00:00Z", item(first, "Ducati Monster", NAKED, "Naked", 1, "20000.00")));
        record(sale(order, user, "2025-05-08T08:00:00Z",
                item(first, "Ducati Monster", NAKED, "Naked", 1, "20000.00"),
                item(second, "Yamaha MT-07", NAKED, "Naked", 2, "5000.00"),
                item(third, "Toyota RAV4", SUV, "SUV", 1, "1000.00")));

        assertThat(lineCount(order)).isEqualTo(3);
        get("/v1/sales/summary?from=2025-05-08&to=2025-05-08").expectStatus().isOk().expectBody()
                .jsonPath("$.revenue").isEqualTo(31000.00)
                .jsonPath("$.orders").isEqualTo(1)
                .jsonPath("$.units").isEqualTo(4)
                .jsonPath("$.margin").isEqualTo(4650.00);
        get("/v1/sales/by-category?from=2025-05-08&to=2025-05-08").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].category_name").isEqualTo("Naked")
                .jsonPath("$.items[0].orders").isEqualTo(1)
                .jsonPath("$.items[0].units").isEqualTo(3)
                .jsonPath("$.items[0].revenue").isEqualTo(30000.00)
                .jsonPath("$.items[1].category_name").isEqualTo("SUV")
                .jsonPath("$.items[1].orders").isEqualTo(1);
        get("/v1/sales?from=2025-05-08&to=2025-05-08").expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(3);
    }

    @Test
    void aSaleReplayedFromTheDeadLetterTopicCountsOnce() {
        UUID handled = UUID.randomUUID();
        UUID parked = UUID.randomUUID();
        SaleCreated handledSale = sale(handled, UUID.randomUUID(), "2025-05-09T10:00:00Z",
                item(UUID.randomUUID(), "BMW X5", SUV, "SUV", 1, "80000.00"));
        SaleCreated parkedSale = sale(parked, UUID.randomUUID(), "2025-05-09T11:00:00Z",
                item(UUID.randomUUID(), "Audi A4", SUV, "SUV", 1, "40000.00"));
        UUID handledId = publish(handledSale);
        awaitHandled(handledId);

        // Both on the dead-letter topic as this service parks them: one already handled, one never.
        for (var parkedRecord : List.of(Map.entry(handledId, handledSale), Map.entry(UUID.randomUUID(), parkedSale))) {
            Map<String, String> headers = new LinkedHashMap<>(KafkaTestClient.cloudEventHeaders(parkedRecord.getKey(),
                    SALE_CREATED_TYPE, parkedRecord.getValue().orderId().toString()));
            headers.put(EventConsumers.GROUP_HEADER, consumers.group());
            headers.put(EventConsumers.EXCEPTION_HEADER, "java.lang.IllegalStateException: database down");
            kafka.publish(SALE_CREATED + ".DLT", parkedRecord.getValue().orderId().toString(), EventJson.write(parkedRecord.getValue()), headers);
        }

        client.post().uri("/v1/ops/dlt/sale-created/replay").header("Authorization", admin()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.replayed").isEqualTo(2);

        assertThat(lineCount(handled)).isEqualTo(1);
        assertThat(lineCount(parked)).isEqualTo(1);
        get("/v1/sales/summary?from=2025-05-09&to=2025-05-09").expectStatus().isOk().expectBody()
                .jsonPath("$.revenue").isEqualTo(120000.00)
                .jsonPath("$.orders").isEqualTo(2);
    }

    @Test
    void aSaleWithoutCategoryIsParkedAtOnceAndTheNextOneIsRecorded() {
        UUID order = UUID.randomUUID();
        String json = """
                {"order_id":"%s","user_id":"%s","paid_at":"2025-05-10T10:00:00Z","items":[
                  {"product_id":"%s","product_name":"Mystery car","quantity":1,"unit_price":1000.00,"line_total":1000.00}]}"""
                .formatted(order, UUID.randomUUID(), UUID.randomUUID());
        UUID bad = kafka.publishEvent(SALE_CREATED, SALE_CREATED_TYPE, order.toString(), json);
        UUID next = UUID.randomUUID();
        record(sale(next, UUID.randomUUID(), "2025-05-10T11:00:00Z", item(UUID.randomUUID(), "Skoda Octavia", SUV, "SUV", 1, "30000.00")));

        ConsumerRecord<String, byte[]> parked = kafka.lastWithKey(SALE_CREATED + ".DLT", order.toString(), Duration.ofSeconds(30));
        assertThat(KafkaTestClient.header(parked, "ce_id")).isEqualTo(bad.toString());
        assertThat(KafkaTestClient.header(parked, EventConsumers.EXCEPTION_HEADER)).contains("MalformedEventException", "category");
        assertThat(lineCount(order)).isZero();
        assertThat(lineCount(next)).isEqualTo(1);
    }
}
