package dev.eshop.order.checkout;

import dev.eshop.order.orders.HistoryEntry;
import dev.eshop.order.orders.NewOrder;
import dev.eshop.order.orders.OrderRepository;
import dev.eshop.order.orders.PricedOrder;
import dev.eshop.platform.events.order.ChangedByRole;
import dev.eshop.platform.events.order.DeliveryAddress;
import dev.eshop.platform.events.order.OrderCreated;
import dev.eshop.platform.events.order.OrderLine;
import dev.eshop.platform.events.order.OrderStatus;
import dev.eshop.platform.events.order.Shipment;
import dev.eshop.platform.events.outbox.Outbox;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * Spec §4.4 step 8, one transaction in this order: the order ({@code PENDING_PAYMENT}), its lines and
 * shipments, the first history row (reason {@code CREATED}), {@code order-created} in the outbox, then
 * the checkout attempt is deleted. The order and its event commit together or not at all (invariant 2).
 */
@Component
class OrderWriter {

    /** The attempt was gone: the sweeper released the reservation meanwhile, so the order must not be saved. */
    static final class AttemptGone extends RuntimeException {

        AttemptGone(UUID orderId) {
            super("the checkout attempt of order " + orderId + " was swept before the order was saved", null, false, false);
        }
    }

    private final OrderRepository orders;
    private final CheckoutAttempts attempts;
    private final Outbox outbox;

    OrderWriter(OrderRepository orders, CheckoutAttempts attempts, Outbox outbox) {
        this.orders = orders;
        this.attempts = attempts;
        this.outbox = outbox;
    }

    /**
     * Saves the order; a unique violation (a twin with the same key saved first) propagates as
     * {@code DuplicateKeyException}, a swept attempt as {@link AttemptGone}; both roll everything back.
     */
    @Transactional
    public void save(NewOrder order) {
        orders.insert(order);
        orders.insertHistory(order.id(), new HistoryEntry(null, OrderStatus.PENDING_PAYMENT, "CREATED", null, order.userId(),
                order.customerName(), ChangedByRole.CUSTOMER, order.createdAt()));
        PricedOrder priced = order.priced();
        outbox.add(new OrderCreated(order.id(), order.userId(), OrderStatus.PENDING_PAYMENT, PricedOrder.CURRENCY, priced.subtotal(),
                priced.shippingTotal(), priced.total(), order.paymentDueAt(),
                new DeliveryAddress(order.address().street(), order.address().city(), order.address().state(),
                        order.address().zipCode(), order.address().note()),
                priced.lines().stream().map(line -> new OrderLine(line.productId(), line.sku(), line.productName(),
                        line.categoryId(), line.categoryName(), line.quantity(), line.unitPrice(), line.lineTotal())).toList(),
                priced.shipments().stream().map(shipment -> new Shipment(shipment.warehouseId(), shipment.warehouseName(),
                        shipment.fromZip(), shipment.vehicles(), shipment.shippingCost(),
                        shipment.items().stream().map(item -> new Shipment.Item(item.productId(), item.quantity())).toList()))
                        .toList(),
                order.createdAt()));
        if (!attempts.delete(order.id())) {
            throw new AttemptGone(order.id());
        }
    }
}
