package dev.eshop.platform.events;

import dev.eshop.platform.events.outbox.OutboxRelay;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two replicas of a service share one outbox (two relay loops on two connections); no row is published twice. */
@SpringBootTest(classes = StockApplication.class)
@WithPostgres
@WithKafka
class TwoRelaysTest {

    private static final int EVENTS = 400;

    @Autowired
    StockChanges stock;

    @Autowired
    OutboxRelay relay;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Value("${eshop.kafka.topic-prefix}")
    String prefix;

    @Test
    void twoRelaysRunningAtOnceNeverPublishTheSameRowTwice() throws Exception {
        relay.stop();
        for (int i = 0; i < EVENTS; i++) {
            stock.change(UUID.randomUUID(), i, 1);
        }
        AtomicInteger sentByFirst = new AtomicInteger();
        AtomicInteger sentBySecond = new AtomicInteger();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> drain(relay, sentByFirst));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> drain(relay, sentBySecond));
        try {
            CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);
        }
        finally {
            relay.start();
        }

        List<ConsumerRecord<String, byte[]>> records = new KafkaTestClient(bootstrapServers, prefix)
                .read("product-quantity-updated", Duration.ofSeconds(30), read -> read.size() >= EVENTS);
        Set<String> ids = records.stream().map(r -> KafkaTestClient.header(r, "ce_id")).collect(Collectors.toSet());
        assertThat(sentByFirst.get() + sentBySecond.get()).isEqualTo(EVENTS);
        assertThat(records).hasSize(EVENTS);
        assertThat(ids).hasSize(EVENTS);
    }

    @Test
    void aRelayThatFindsTheLockTakenSkipsItsRound() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> otherReplica = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("SELECT id FROM outbox_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            UUID product = UUID.randomUUID();
            stock.change(product, 1, 1);

            OutboxRelay.Round round = relay.relayOnce();

            assertThat(round.lockHeldElsewhere()).isTrue();
            assertThat(round.sent()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE message_key = ? AND sent_at IS NULL")
                    .param(product.toString()).query(Integer.class).single()).isEqualTo(1);
        }
        finally {
            release.countDown();
            otherReplica.get(10, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM outbox WHERE sent_at IS NULL")
                .query(Integer.class).single() == 0);
    }

    /** Runs rounds until the outbox is empty, counting what this replica sent. */
    private static void drain(OutboxRelay relay, AtomicInteger sent) {
        for (int idleRounds = 0; idleRounds < 20; ) {
            OutboxRelay.Round round = relay.relayOnce();
            sent.addAndGet(round.sent());
            idleRounds = round.sent() == 0 && !round.lockHeldElsewhere() ? idleRounds + 1 : 0;
        }
    }
}
