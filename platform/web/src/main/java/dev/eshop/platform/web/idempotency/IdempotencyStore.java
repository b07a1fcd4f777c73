package dev.eshop.platform.web.idempotency;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code idempotency_record} table. Every call is its own short transaction (a new one even if
 * the caller has one open), so an in-progress record is visible to a concurrent twin at once.
 * Plain SQL that PostgreSQL and MySQL/MariaDB both run; the primary key decides who inserted first.
 */
public class IdempotencyStore {

    /** What {@link #begin} found. */
    public sealed interface Outcome {
    }

    /** This request owns the record (new, or taken over); {@code createdAt} identifies it. */
    public record Started(Instant createdAt) implements Outcome {
    }

    /** A finished first request: replay its answer. */
    public record Replay(int status, String headers, String body) implements Outcome {
    }

    /** The first request is still running. */
    public record InProgress() implements Outcome {
    }

    /** The key was used with another request body. */
    public record KeyReused() implements Outcome {
    }

    private record Row(String requestHash, Integer status, String headers, String body) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final IdempotencyProperties properties;
    private final Clock clock;

    public IdempotencyStore(JdbcClient jdbc, PlatformTransactionManager transactionManager, IdempotencyProperties properties,
                            Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        if (transactionManager == null) {
            this.transaction = null;
        }
        else {
            this.transaction = new TransactionTemplate(transactionManager);
            this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }
    }

    /**
     * Claims (scope, key) for a request with this hash: inserts an in-progress record, or takes over
     * one that expired or was abandoned (in progress longer than {@code in-progress-timeout}); otherwise
     * reports what the existing record says.
     */
    public Outcome begin(String scope, String key, String requestHash) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Instant now = now();
            try {
                inTransaction(() -> jdbc.sql("INSERT INTO idempotency_record (scope, idem_key, request_hash, status_code, response_headers, "
                                + "response_body, created_at, expires_at) VALUES (?, ?, ?, NULL, NULL, NULL, ?, ?)")
                        .params(scope, key, requestHash, Timestamp.from(now), Timestamp.from(now.plus(properties.retention())))
                        .update());
                return new Started(now);
            }
            catch (DuplicateKeyException taken) {
                // someone has (or had) this key: see below
            }
            Optional<Row> existing = inTransaction(() -> jdbc.sql("SELECT request_hash, status_code, response_headers, response_body "
                            + "FROM idempotency_record WHERE scope = ? AND idem_key = ? AND expires_at >= ?")
                    .params(scope, key, Timestamp.from(now))
                    .query((rs, n) -> new Row(rs.getString(1), (Integer) rs.getObject(2, Integer.class), rs.getString(3), rs.getString(4)))
                    .optional());
            if (existing.isPresent()) {
                Row row = existing.get();
                if (!row.requestHash().equals(requestHash)) {
                    return new KeyReused();
                }
                if (row.status() != null) {
                    return new Replay(row.status(), row.headers(), row.body());
                }
            }
            // Expired, abandoned, or deleted meanwhile (then the update finds nothing and the insert is tried again).
            // The WHERE is evaluated again after the row lock, so of two takers only one wins.
            int taken = inTransaction(() -> jdbc.sql("UPDATE idempotency_record SET request_hash = ?, status_code = NULL, "
                            + "response_headers = NULL, response_body = NULL, created_at = ?, expires_at = ? "
                            + "WHERE scope = ? AND idem_key = ? AND (expires_at < ? OR (status_code IS NULL AND created_at < ?))")
                    .params(requestHash, Timestamp.from(now), Timestamp.from(now.plus(properties.retention())), scope, key,
                            Timestamp.from(now), Timestamp.from(now.minus(properties.inProgressTimeout())))
                    .update());
            if (taken == 1) {
                return new Started(now);
            }
            if (existing.isPresent()) {
                return new InProgress();
            }
        }
        return new InProgress();
    }

    /** Stores the answer of the request that owns the record; false if it lost the record meanwhile. */
    public boolean complete(String scope, String key, Instant createdAt, int status, String headers, String body) {
        return inTransaction(() -> jdbc.sql("UPDATE idempotency_record SET status_code = ?, response_headers = ?, response_body = ? "
                        + "WHERE scope = ? AND idem_key = ? AND created_at = ? AND status_code IS NULL")
                .params(status, headers, body, scope, key, Timestamp.from(createdAt))
                .update()) == 1;
    }

    /** Forgets the record of a request that failed (4xx, 5xx), so the key may be used again. */
    public void abandon(String scope, String key, Instant createdAt) {
        inTransaction(() -> jdbc.sql("DELETE FROM idempotency_record WHERE scope = ? AND idem_key = ? AND created_at = ? "
                        + "AND status_code IS NULL")
                .params(scope, key, Timestamp.from(createdAt))
                .update());
    }

    /** Deletes every record past its expiry; returns how many. Safe to run on several replicas at once. */
    public int purgeExpired() {
        Instant now = now();
        return inTransaction(() -> jdbc.sql("DELETE FROM idempotency_record WHERE expires_at < ?").param(Timestamp.from(now)).update());
    }

    /** Microseconds, the precision both databases store, so {@code created_at} compares equal when read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transaction == null ? work.get() : transaction.execute(status -> work.get());
    }
}
