package dev.eshop.platform.events;

import dev.eshop.platform.events.inbox.EventConsumers;
import dev.eshop.platform.events.stock.ReceivedQuantities;
import dev.eshop.platform.events.stock.StockApplication;
import dev.eshop.platform.testing.KafkaTestClient;
import dev.eshop.platform.testing.TestHttp;
import dev.eshop.platform.testing.TestTokens;
import dev.eshop.platform.testing.WithKafka;
import dev.eshop.platform.testing.WithPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What operators see of the events: the replay endpoint, metrics, and traces that cross Kafka. */
@SpringBootTest(classes = StockApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
class OperationsTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @LocalServerPort
    int port;

    @Autowired
    ReceivedQuantities received;

    @Autowired
    EventConsumers consumers;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${eshop.kafka.topic-prefix}")
    String prefix;

    RestTestClient client;

    @BeforeEach
    void setUp() {
        client = TestHttp.client(port);
        await().atMost(Duration.ofSeconds(30)).until(consumers::assigned);
    }

    @Test
    void theTraceOfTheRequestThatMadeAChangeContinuesInTheConsumer() {
        UUID product = UUID.randomUUID();

        client.post().uri("/v1/stock/{id}?quantity=3", product)
                .header("Authorization", "Bearer " + TestTokens.admin())
                .header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
                .exchange()
                .expectStatus().isAccepted();

        ConsumerRecord<String, byte[]> record = new KafkaTestClient(bootstrapServers, prefix).read("product-quantity-updated",
                        Duration.ofSeconds(20), read -> read.stream().anyMatch(r -> r.key().equals(product.toString())))
                .stream().filter(r -> r.key().equals(product.toString())).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(record, "traceparent")).startsWith("00-" + TRACE_ID + "-");
        await().atMost(Duration.ofSeconds(20)).until(() -> received.received(product) == 1);
        assertThat(received.traceId(product)).isEqualTo(TRACE_ID);
    }

    @Test
    void replayingParkedRecordsIsForAdminsOfAConsumingService() {
        UUID product = UUID.randomUUID();
        received.failFor(product);
        client.post().uri("/v1/stock/{id}?quantity=2", product)
                .header("Authorization", "Bearer " + TestTokens.admin())
                .exchange()
                .expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(30)).until(() -> received.calls(product) == 3);
        received.recover(product);

        client.post().uri("/v1/ops/dlt/product-quantity-updated/replay").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.post().uri("/v1/ops/dlt/product-quantity-updated/replay")
                .header("Authorization", "Bearer " + TestTokens.customer(UUID.randomUUID()))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://eshop.example/problems/forbidden");
        client.post().uri("/v1/ops/dlt/sale-created/replay")
                .header("Authorization", "Bearer " + TestTokens.admin())
                .exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://eshop.example/problems/not-found")
                .jsonPath("$.detail").isEqualTo("This service does not consume the topic sale-created.");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> client.post().uri("/v1/ops/dlt/product-quantity-updated/replay")
                .header("Authorization", "Bearer " + TestTokens.admin())
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.replayed").isEqualTo(1));
        assertThat(received.received(product)).isEqualTo(1);
    }

    @Test
    void outboxAndDeadLetterMetricsArePublishedForPrometheus() {
        UUID product = UUID.randomUUID();
        received.failFor(product);
        client.post().uri("/v1/stock/{id}?quantity=1", product)
                .header("Authorization", "Bearer " + TestTokens.admin())
                .exchange()
                .expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(30)).until(() -> received.calls(product) == 3);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = client.get().uri("/actuator/prometheus").exchange()
                    .expectStatus().isOk()
                    .returnResult(String.class).getResponseBody();
            assertThat(metrics)
                    .contains("eshop_outbox_pending ")
                    .contains("eshop_outbox_oldest_pending_seconds ")
                    .containsPattern("eshop_outbox_sent_total(\\{[^}]*\\})? [1-9]")
                    .contains("eshop_outbox_publish_failures_total")
                    .containsPattern("eshop_kafka_dlt_total\\{[^}]*topic=\"product-quantity-updated\"[^}]*\\} [1-9]");
        });
    }
}
