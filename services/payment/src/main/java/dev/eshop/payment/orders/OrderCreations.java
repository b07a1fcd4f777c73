package dev.eshop.payment.orders;

import dev.eshop.payment.payments.PaymentDecisions;
import dev.eshop.platform.events.IncomingEvent;
import dev.eshop.platform.events.inbox.EventHandler;
import dev.eshop.platform.events.order.OrderCreated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** {@code order-created} (events.md §3.5): the local copy of a new order's owner, total, status and deadline. */
@Component
class OrderCreations implements EventHandler<OrderCreated> {

    private static final Logger log = LoggerFactory.getLogger(OrderCreations.class);

    private final OrderCopies copies;

    OrderCreations(OrderCopies copies) {
        this.copies = copies;
    }

    @Override
    public void handle(IncomingEvent<OrderCreated> event) {
        OrderCreated order = event.payload();
        OrderCopy copy = copies.created(order.orderId(), order.userId(), order.status(), order.total(), order.paymentDueAt(),
                PaymentDecisions.now());
        if (copy.version() > 1) {
            log.info("order {} created after its status change to {} (version {}) was seen; total and deadline filled in",
                    order.orderId(), copy.status(), copy.version());
        }
    }
}
