package dev.eshop.order.deadline;

import dev.eshop.order.OrderSettings;
import dev.eshop.order.lifecycle.Actor;
import dev.eshop.order.lifecycle.StatusChanges;
import dev.eshop.order.lifecycle.Transition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The payment deadline (spec/services.md §4.5): every {@code eshop.order.deadline-job.interval} each
 * replica takes the {@code PENDING_PAYMENT} orders whose {@code payment_due_at} + {@code expiry-grace}
 * has passed, {@code batch-size} per transaction with {@code FOR UPDATE SKIP LOCKED}, and expires them
 * (reason {@code DEADLINE_PASSED}, actor SYSTEM) through {@link StatusChanges}: history row and
 * {@code order-status-updated} in the same transaction. A row lock plus the guarded update mean an
 * order is expired once, whichever replica gets it. {@code PAYMENT_SUBMITTED} and later orders are
 * never selected: the deadline counts only while waiting for a proof.
 */
@Component
public class PaymentDeadline {

    private static final Logger log = LoggerFactory.getLogger(PaymentDeadline.class);

    /** {@code eshop_order_deadline_expired_total} in Prometheus. */
    public static final String EXPIRED_METRIC = "eshop.order.deadline.expired";

    private final DueOrders due;
    private final StatusChanges changes;
    private final TransactionTemplate transaction;
    private final OrderSettings settings;
    private final Counter expiredCounter;

    PaymentDeadline(DueOrders due, StatusChanges changes, PlatformTransactionManager transactions, OrderSettings settings,
                    MeterRegistry meters) {
        this.due = due;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = settings;
        this.expiredCounter = Counter.builder(EXPIRED_METRIC).description("Orders this instance expired at their payment deadline")
                .register(meters);
    }

    private record Batch(int claimed, int expired) {
    }

    /** Expires every order due now, batch by batch; returns how many this replica expired. */
    @Scheduled(initialDelayString = "${eshop.order.deadline-job.interval}", fixedDelayString = "${eshop.order.deadline-job.interval}")
    int expireDue() {
        int expired = 0;
        int batchSize = settings.deadlineJob().batchSize();
        Batch batch;
        do {
            Instant cutoff = Instant.now().minus(settings.expiryGrace());
            batch = transaction.execute(status -> {
                List<UUID> claimed = due.claim(cutoff, batchSize);
                int count = 0;
                for (UUID orderId : claimed) {
                    if (changes.apply(orderId, Transition.EXPIRE, Actor.SYSTEM, null) instanceof StatusChanges.Changed) {
                        count++;
                    }
                }
                return new Batch(claimed.size(), count);
            });
            expired += batch.expired();
            expiredCounter.increment(batch.expired());
        }
        while (batch.claimed() == batchSize);
        if (expired > 0) {
            log.info("Expired {} orders whose payment window closed", expired);
        }
        return expired;
    }
}
