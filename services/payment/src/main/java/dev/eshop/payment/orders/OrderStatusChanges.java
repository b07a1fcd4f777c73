package dev.eshop.payment.orders;

import dev.eshop.payment.payments.Payment;
import dev.eshop.payment.payments.PaymentDecisions;
import dev.eshop.payment.payments.Payments;
import dev.eshop.platform.events.IncomingEvent;
import dev.eshop.platform.events.inbox.EventHandler;
import dev.eshop.platform.events.order.OrderStatusUpdated;
import dev.eshop.platform.events.payment.PaymentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * {@code order-status-updated} (events.md §3.6): the copy's status follows when the version is newer. When
 * the order is EXPIRED or CANCELLED and still has a PENDING proof (uploaded at the last moment, its event
 * not yet taken into account by order), that proof is rejected automatically and {@code payment-updated}
 * published (order ignores it: the order is already final).
 * <p>
 * The copy's row is locked before the payment is looked for, and an upload locks the same row before it
 * checks the status and inserts, so a proof is either refused or seen here; never left PENDING on a
 * closed order. Applied to the copy's status rather than the event's, a redelivered or stale event changes
 * nothing twice.
 */
@Component
class OrderStatusChanges implements EventHandler<OrderStatusUpdated> {

    static final String EXPIRED_NOTE = "Order expired before the payment was reviewed";
    static final String CANCELLED_NOTE = "Order cancelled by the customer";

    private static final Logger log = LoggerFactory.getLogger(OrderStatusChanges.class);

    private final OrderCopies copies;
    private final Payments payments;
    private final PaymentDecisions decisions;

    OrderStatusChanges(OrderCopies copies, Payments payments, PaymentDecisions decisions) {
        this.copies = copies;
        this.payments = payments;
        this.decisions = decisions;
    }

    @Override
    public void handle(IncomingEvent<OrderStatusUpdated> event) {
        OrderStatusUpdated change = event.payload();
        OrderCopy copy = copies.statusChanged(change.orderId(), change.userId(), change.status(), change.version(),
                PaymentDecisions.now());
        if (copy.version() != change.version() || copy.status() != change.status()) {
            log.info("order {}: {} (version {}) not applied, the copy is {} (version {})", change.orderId(), change.status(),
                    change.version(), copy.status(), copy.version());
        }
        String note = switch (copy.status()) {
            case EXPIRED -> EXPIRED_NOTE;
            case CANCELLED -> CANCELLED_NOTE;
            default -> null;
        };
        if (note != null) {
            Optional<Payment> pending = payments.lockPendingOfOrder(change.orderId());
            pending.ifPresent(payment -> {
                decisions.decide(payment, PaymentStatus.REJECTED, note, null, null);
                log.info("payment {} rejected automatically: order {} is {}", payment.id(), change.orderId(), copy.status());
            });
        }
    }
}
