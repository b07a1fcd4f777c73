package dev.eshop.platform.events.outbox;

import dev.eshop.platform.events.CloudEventHeaders;
import dev.eshop.platform.events.EventsKafkaProperties;
import dev.eshop.platform.events.KafkaTopics;
import dev.eshop.platform.events.inbox.Inbox;
import dev.eshop.platform.events.inbox.InboxProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox rows to Kafka in {@code seq} order and marks them sent.
 *
 * <p>Each round runs in one transaction that first takes the single {@code outbox_lock} row with
 * {@code FOR UPDATE SKIP LOCKED}: of several replicas only one relays at a time (the others skip the
 * round), so no row is sent twice and per-key order holds. Sends use an idempotent producer with
 * {@code acks=all}; a failed send ends the round, the row keeps its place, and the pause before the
 * next round doubles up to {@code max-backoff}. Kafka down means rows wait; nothing is lost.
 *
 * <p>Now and then it also deletes sent rows and inbox records past their retention.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration GAUGE_REFRESH = Duration.ofSeconds(1);
    private static final Duration CLEANUP_EVERY = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, String> kafka;
    private final KafkaTopics topics;
    private final OutboxProperties properties;
    private final EventsKafkaProperties kafkaProperties;
    private final String source;
    private final Inbox inbox;
    private final InboxProperties inboxProperties;
    private final Semaphore wake = new Semaphore(0);
    private final Counter sent;
    private final Counter failures;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();

    private volatile boolean running;
    private volatile CountDownLatch stopping = new CountDownLatch(1);
    private Thread thread;
    private Instant gaugesRefreshedAt = Instant.EPOCH;
    private Instant cleanedAt = Instant.EPOCH;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transaction, KafkaTemplate<String, String> kafka, KafkaTopics topics,
                       OutboxProperties properties, EventsKafkaProperties kafkaProperties, Inbox inbox, InboxProperties inboxProperties,
                       String source, MeterRegistry meters) {
        this.inbox = inbox;
        this.inboxProperties = inboxProperties;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.kafka = kafka;
        this.topics = topics;
        this.properties = properties;
        this.kafkaProperties = kafkaProperties;
        this.source = source;
        this.sent = Counter.builder("eshop.outbox.sent").description("Outbox rows published to Kafka").register(meters);
        this.failures = Counter.builder("eshop.outbox.publish.failures").description("Failed outbox publish rounds").register(meters);
        Gauge.builder("eshop.outbox.pending", pending, AtomicLong::get).description("Outbox rows not yet published").register(meters);
        Gauge.builder("eshop.outbox.oldest.pending", oldestPendingSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest unpublished outbox row").register(meters);
    }

    /** Asks for a round now rather than at the next poll (called after a commit that wrote rows). */
    public void wake() {
        wake.release();
    }

    /** What one round did. */
    public record Round(int sent, boolean failed, boolean lockHeldElsewhere, boolean moreWaiting) {
    }

    /** Relays one batch; also used by tests and benchmarks to drive the relay directly. */
    public Round relayOnce() {
        Round round = transaction.execute(status -> {
            boolean locked = jdbc.sql("SELECT id FROM outbox_lock WHERE id = 1 FOR UPDATE SKIP LOCKED")
                    .query(Integer.class).optional().isPresent();
            if (!locked) {
                return new Round(0, false, true, false);
            }
            List<Row> rows = jdbc.sql("SELECT seq, id, topic, message_key, ce_type, payload, created_at, traceparent "
                            + "FROM outbox WHERE sent_at IS NULL ORDER BY seq LIMIT ?")
                    .param(properties.batchSize())
                    .query((rs, n) -> new Row(rs.getLong("seq"), UUID.fromString(rs.getString("id")), rs.getString("topic"),
                            rs.getString("message_key"), rs.getString("ce_type"), rs.getString("payload"),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("traceparent")))
                    .list();
            return rows.isEmpty() ? new Round(0, false, false, false) : publish(rows);
        });
        refreshGauges(round.sent() > 0);
        return round;
    }

    private Round publish(List<Row> rows) {
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(rows.size());
        Failure failure = null;
        for (Row row : rows) {
            try {
                CompletableFuture<SendResult<String, String>> send = kafka.send(record(row));
                sends.add(send);
                if (send.isCompletedExceptionally()) {
                    break;
                }
            }
            catch (RuntimeException e) {
                failure = new Failure(row, e);
                break;
            }
        }
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        List<Long> delivered = new ArrayList<>(sends.size());
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                delivered.add(rows.get(i).seq());
            }
            catch (ExecutionException | TimeoutException e) {
                if (failure == null) {
                    failure = new Failure(rows.get(i), e instanceof ExecutionException ? e.getCause() : e);
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (failure == null) {
                    failure = new Failure(rows.get(i), e);
                }
                break;
            }
        }
        // Rows that reached the broker are marked even if an earlier one failed: sending them again would duplicate them.
        if (!delivered.isEmpty()) {
            jdbc.sql("UPDATE outbox SET sent_at = :now WHERE seq IN (:seqs)")
                    .param("now", Timestamp.from(Instant.now()))
                    .param("seqs", delivered)
                    .update();
            sent.increment(delivered.size());
        }
        if (failure != null) {
            String error = String.valueOf(failure.cause());
            jdbc.sql("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE seq = ?")
                    .params(error.length() > 500 ? error.substring(0, 500) : error, failure.row().seq())
                    .update();
            failures.increment();
            log.warn("Publishing outbox row {} ({} {}) failed, will retry: {}", failure.row().seq(), failure.row().topic(),
                    failure.row().id(), error);
            return new Round(delivered.size(), true, false, true);
        }
        return new Round(delivered.size(), false, false, rows.size() == properties.batchSize());
    }

    private ProducerRecord<String, String> record(Row row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.ID, row.id().toString());
        header(headers, CloudEventHeaders.TYPE, row.ceType());
        header(headers, CloudEventHeaders.SOURCE, source);
        header(headers, CloudEventHeaders.TIME, row.createdAt().toString());
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.SUBJECT, row.key());
        header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        if (row.traceparent() != null) {
            header(headers, CloudEventHeaders.TRACEPARENT, row.traceparent());
        }
        return new ProducerRecord<>(kafkaProperties.topic(row.topic()), null, row.key(), row.payload(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void refreshGauges(boolean force) {
        Instant now = Instant.now();
        if (!force && now.isBefore(gaugesRefreshedAt.plus(GAUGE_REFRESH))) {
            return;
        }
        gaugesRefreshedAt = now;
        jdbc.sql("SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox WHERE sent_at IS NULL")
                .query((rs, n) -> {
                    pending.set(rs.getLong("pending"));
                    Timestamp oldest = rs.getTimestamp("oldest");
                    oldestPendingSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds()));
                    return oldest;
                })
                .optional();
    }

    /** Deletes rows sent longer ago than the retention; returns how many. */
    public int deleteSentBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?").param(Timestamp.from(cutoff)).update();
    }

    private void loop() {
        Duration pause = properties.pollInterval();
        boolean topicsReady = false;
        while (running) {
            if (!topicsReady) {
                topicsReady = topics.create(kafkaProperties.publishes().stream().map(kafkaProperties::topic).toList());
            }
            Round round;
            try {
                round = relayOnce();
                keepHouseNowAndThen();
            }
            catch (RuntimeException e) {
                log.warn("Outbox round failed, will retry: {}", e.toString());
                round = new Round(0, true, false, true);
            }
            if (round.failed()) {
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : pause.multipliedBy(2);
                continue;
            }
            pause = properties.pollInterval();
            if (!round.moreWaiting()) {
                awaitWakeOrPoll();
            }
        }
    }

    private void keepHouseNowAndThen() {
        Instant now = Instant.now();
        if (now.isAfter(cleanedAt.plus(CLEANUP_EVERY))) {
            cleanedAt = now;
            int sentRows = deleteSentBefore(now.minus(properties.retention()));
            int processed = inbox.deleteProcessedBefore(now.minus(inboxProperties.retention()));
            if (sentRows + processed > 0) {
                log.info("Deleted {} sent outbox rows and {} processed-event records past their retention", sentRows, processed);
            }
        }
    }

    private void awaitWakeOrPoll() {
        try {
            wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            wake.drainPermits();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sleep(Duration pause) {
        try {
            stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopping = new CountDownLatch(1);
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            stopping.countDown();
            wake.release();
            try {
                thread.join(properties.sendTimeout().toMillis() + 1000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Row(long seq, UUID id, String topic, String key, String ceType, String payload, Instant createdAt,
                       String traceparent) {
    }

    private record Failure(Row row, Throwable cause) {
    }
}
