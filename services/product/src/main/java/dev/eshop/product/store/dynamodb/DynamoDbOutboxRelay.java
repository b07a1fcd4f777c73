package dev.eshop.product.store.dynamodb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Moves the events waiting on DynamoDB product items into the service's PostgreSQL {@code outbox},
 * from where the platform's relay publishes them (with its ordering, retries and metrics).
 * <p>
 * Each round: find the items with pending events through the sparse {@code outbox-index}; for each,
 * insert its events in list order into {@code outbox} (the event id is the row id, so an event moved
 * twice is inserted once), commit, then clear the item's list with a write conditional on the
 * {@code outbox_seq} it read (an event appended meanwhile keeps the list for the next round). One
 * replica moves at a time: the round holds a PostgreSQL advisory lock. Nothing is lost when either
 * store fails in between: the events stay on the item until their rows are committed.
 */
@Component
@ConditionalOnProperty(name = "eshop.product.store", havingValue = "dynamodb")
class DynamoDbOutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbOutboxRelay.class);
    private static final long LOCK_KEY = 0x6573686f70L; // "eshop"

    private final DynamoDbClient dynamo;
    private final DynamoDbProductStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DynamoDbOutboxRelay(DynamoDbClient dynamo, DynamoDbProductStore store, JdbcClient jdbc, TransactionTemplate transactions) {
        this.dynamo = dynamo;
        this.store = store;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${eshop.product.dynamodb.relay-interval:500ms}")
    void relay() {
        try {
            moveAll();
        }
        catch (RuntimeException e) {
            log.warn("Moving DynamoDB product events to the outbox failed; next round retries: {}", e.toString());
        }
    }

    /** One round; returns how many events were moved. */
    int moveAll() {
        int moved = 0;
        for (Map<String, AttributeValue> keys : dynamo.queryPaginator(request -> request.tableName(store.table())
                .indexName(DynamoDbProductStore.OUTBOX_INDEX)
                .keyConditionExpression("outbox_pending = :pending")
                .expressionAttributeValues(Map.of(":pending", AttributeValue.fromS("1")))).items()) {
            moved += move(keys.get("id"));
        }
        return moved;
    }

    private int move(AttributeValue id) {
        Map<String, AttributeValue> item = dynamo.getItem(request -> request.tableName(store.table()).key(Map.of("id", id))
                .consistentRead(true).projectionExpression("outbox, outbox_seq")).item();
        if (item == null || !item.containsKey("outbox")) {
            return 0;
        }
        List<AttributeValue> events = item.get("outbox").l();
        Boolean inserted = transactions.execute(status -> {
            if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single()) {
                return false;
            }
            for (AttributeValue event : events) {
                Map<String, AttributeValue> e = event.m();
                jdbc.sql("""
                        INSERT INTO outbox (id, topic, message_key, ce_type, payload, created_at)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (id) DO NOTHING""")
                        .params(UUID.fromString(e.get("id").s()), e.get("topic").s(), e.get("key").s(), e.get("ce_type").s(),
                                e.get("payload").s(), Timestamp.from(Instant.parse(e.get("created_at").s())))
                        .update();
            }
            return true;
        });
        if (!Boolean.TRUE.equals(inserted)) {
            return 0;
        }
        try {
            dynamo.updateItem(request -> request.tableName(store.table()).key(Map.of("id", id))
                    .updateExpression("REMOVE outbox, outbox_pending")
                    .conditionExpression("outbox_seq = :seq")
                    .expressionAttributeValues(Map.of(":seq", item.get("outbox_seq"))));
        }
        catch (ConditionalCheckFailedException appendedMeanwhile) {
            // the next round moves the new event (and skips the ones inserted now)
        }
        return events.size();
    }
}
