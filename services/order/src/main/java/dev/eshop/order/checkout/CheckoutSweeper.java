package dev.eshop.order.checkout;

import dev.eshop.order.OrderSettings;
import dev.eshop.order.checkout.CheckoutAttempts.Attempt;
import dev.eshop.order.orders.OrderRepository;
import dev.eshop.platform.web.client.CalleeProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Optional;

/**
 * The checkout sweeper (spec/services.md §4.5): every {@code eshop.order.checkout.sweeper-interval}
 * it takes the checkout attempts older than {@code attempt-timeout}, one per transaction with
 * {@code FOR UPDATE SKIP LOCKED} (the lock held until the end, so a checkout saving its order waits,
 * then finds its attempt gone and starts again). An attempt whose order exists is simply deleted;
 * otherwise its reservation is released ({@code CHECKOUT_ABANDONED}) and, once warehouse confirms,
 * the attempt is deleted. Release is idempotent, and a release of an order id never reserved leaves
 * a tombstone in warehouse, so a late reserve cannot take stock for it.
 */
@Component
class CheckoutSweeper {

    private static final Logger log = LoggerFactory.getLogger(CheckoutSweeper.class);

    /** Attempts handled per round at most, so one round cannot run for ever. */
    private static final int MAX_PER_ROUND = 100;

    private final CheckoutAttempts attempts;
    private final OrderRepository orders;
    private final WarehouseStock warehouse;
    private final TransactionTemplate transaction;
    private final OrderSettings settings;

    CheckoutSweeper(CheckoutAttempts attempts, OrderRepository orders, WarehouseStock warehouse,
                    PlatformTransactionManager transactions, OrderSettings settings) {
        this.attempts = attempts;
        this.orders = orders;
        this.warehouse = warehouse;
        this.transaction = new TransactionTemplate(transactions);
        this.settings = settings;
    }

    /** One round; returns how many abandoned reservations were released. */
    @Scheduled(initialDelayString = "${eshop.order.checkout.sweeper-interval}", fixedDelayString = "${eshop.order.checkout.sweeper-interval}")
    int sweep() {
        int released = 0;
        for (int i = 0; i < MAX_PER_ROUND; i++) {
            Instant cutoff = Instant.now().minus(settings.checkout().attemptTimeout());
            Optional<Boolean> handled = transaction.execute(status -> attempts.lockOldestBefore(cutoff).map(this::settle));
            if (handled == null || handled.isEmpty()) {
                break;
            }
            if (handled.get()) {
                released++;
            }
        }
        if (released > 0) {
            log.info("Released the reservations of {} abandoned checkouts", released);
        }
        return released;
    }

    /** Within the attempt's row lock: true when its reservation was released. */
    private boolean settle(Attempt attempt) {
        if (orders.exists(attempt.orderId())) {
            attempts.delete(attempt.orderId());
            return false;
        }
        try {
            warehouse.release(attempt.orderId(), WarehouseStock.CHECKOUT_ABANDONED);
        }
        catch (CalleeProblemException refused) {
            // Only a committed reservation is refused, and that needs a paid order, which does not exist: nothing to give back.
            log.warn("Warehouse refused to release abandoned order id {} ({}); forgetting the attempt", attempt.orderId(),
                    refused.detail());
        }
        attempts.delete(attempt.orderId());
        log.info("Released the reservation of checkout attempt {} (user {}, started {})", attempt.orderId(), attempt.userId(),
                attempt.createdAt());
        return true;
    }
}
