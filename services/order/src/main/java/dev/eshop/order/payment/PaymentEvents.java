package dev.eshop.order.payment;

import dev.eshop.order.lifecycle.Actor;
import dev.eshop.order.lifecycle.StatusChanges;
import dev.eshop.order.lifecycle.StatusChanges.Changed;
import dev.eshop.order.lifecycle.StatusChanges.Outcome;
import dev.eshop.order.lifecycle.Transition;
import dev.eshop.order.orders.Order;
import dev.eshop.order.orders.OrderRepository;
import dev.eshop.platform.events.IncomingEvent;
import dev.eshop.platform.events.inbox.EventHandler;
import dev.eshop.platform.events.payment.PaymentUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * {@code payment-updated} (events.md §3.7): PENDING moves a {@code PENDING_PAYMENT} order to
 * {@code PAYMENT_SUBMITTED} (the deadline stops applying), APPROVED a {@code PAYMENT_SUBMITTED} one to
 * {@code PAID} (with {@code sale-created}), REJECTED a {@code PAYMENT_SUBMITTED} one to {@code REJECTED}.
 * Anything else is "not applicable": logged, recorded as processed, nothing changes (for example an
 * APPROVED arriving for an order that already expired, or the automatic rejection payment publishes
 * after an expiry or a cancellation). It runs in the platform's transaction with the inbox record, so
 * a redelivered event is skipped, and the guarded transition would refuse it anyway.
 */
@Component
class PaymentEvents implements EventHandler<PaymentUpdated> {

    private static final Logger log = LoggerFactory.getLogger(PaymentEvents.class);

    private final StatusChanges changes;
    private final OrderRepository orders;

    PaymentEvents(StatusChanges changes, OrderRepository orders) {
        this.changes = changes;
        this.orders = orders;
    }

    @Override
    public void handle(IncomingEvent<PaymentUpdated> event) {
        PaymentUpdated payment = event.payload();
        Optional<Order> found = orders.find(payment.orderId());
        if (found.isEmpty()) {
            log.info("payment-updated {} ({}) for unknown order {}: ignored", event.id(), payment.status(), payment.orderId());
            return;
        }
        Order order = found.get();
        if (!order.userId().equals(payment.userId())) {
            log.warn("payment-updated {} for order {} names user {}, but the order is {}'s: ignored", event.id(), order.id(),
                    payment.userId(), order.userId());
            return;
        }
        if (order.paymentId() != null && !order.paymentId().equals(payment.paymentId())) {
            log.info("payment-updated {} is about payment {}, but order {} registered payment {}: ignored", event.id(),
                    payment.paymentId(), order.id(), order.paymentId());
            return;
        }
        Transition transition = switch (payment.status()) {
            case PENDING -> Transition.SUBMIT_PAYMENT;
            case APPROVED -> Transition.APPROVE_PAYMENT;
            case REJECTED -> Transition.REJECT_PAYMENT;
        };
        Outcome outcome = changes.apply(order.id(), transition, Actor.SYSTEM,
                transition == Transition.REJECT_PAYMENT ? payment.adminNote() : null, null,
                new StatusChanges.PaymentChange(payment.paymentId(), payment.status().name(), payment.adminNote(), payment.updatedAt()));
        if (outcome instanceof Changed changed) {
            log.info("order {}: {} → {} (payment {} {})", order.id(), transition.from(), changed.order().status(),
                    payment.paymentId(), payment.status());
        }
        else {
            log.info("payment-updated {} ({}) not applicable to order {} in status {}: ignored", event.id(), payment.status(),
                    order.id(), outcome.order().status());
        }
    }
}
