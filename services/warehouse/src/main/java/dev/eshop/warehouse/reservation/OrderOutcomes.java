package dev.eshop.warehouse.reservation;

import dev.eshop.platform.events.IncomingEvent;
import dev.eshop.platform.events.inbox.EventHandler;
import dev.eshop.platform.events.order.OrderStatusUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code order-status-updated} (events.md §3.6): a rejected, expired or cancelled order gives its
 * stock back; a paid one keeps it for good. Other statuses do not concern the warehouse. Both actions
 * are idempotent (only a HELD reservation changes), so a repeated event changes nothing.
 */
@Component
class OrderOutcomes implements EventHandler<OrderStatusUpdated> {

    private static final Logger log = LoggerFactory.getLogger(OrderOutcomes.class);

    private final ReservationService reservations;

    OrderOutcomes(ReservationService reservations) {
        this.reservations = reservations;
    }

    @Override
    public void handle(IncomingEvent<OrderStatusUpdated> event) {
        OrderStatusUpdated update = event.payload();
        ReleaseReason reason = switch (update.status()) {
            case REJECTED -> ReleaseReason.ORDER_REJECTED;
            case EXPIRED -> ReleaseReason.ORDER_EXPIRED;
            case CANCELLED -> ReleaseReason.ORDER_CANCELLED;
            default -> null;
        };
        if (reason != null) {
            ReservationStatus after = reservations.release(update.orderId(), reason).status();
            if (after == ReservationStatus.COMMITTED) {
                log.info("order {} is {} but its reservation is committed; nothing released", update.orderId(), update.status());
            }
        }
        else if (update.status() == dev.eshop.platform.events.order.OrderStatus.PAID) {
            reservations.commit(update.orderId()).ifPresentOrElse(
                    status -> {
                        if (status != ReservationStatus.HELD) {
                            log.info("order {} paid but its reservation is {}; left as it is", update.orderId(), status);
                        }
                    },
                    () -> log.info("order {} paid but has no reservation here; nothing to commit", update.orderId()));
        }
    }
}
