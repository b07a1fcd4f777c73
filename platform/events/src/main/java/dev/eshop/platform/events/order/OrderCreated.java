package dev.eshop.platform.events.order;

import dev.eshop.platform.events.Event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.eshop.platform.events.EventFields.list;
import static dev.eshop.platform.events.EventFields.money;
import static dev.eshop.platform.events.EventFields.required;

/** Checkout saved an order (stock already reserved); exactly one per order. */
public record OrderCreated(
        UUID orderId,
        UUID userId,
        OrderStatus status,
        String currency,
        BigDecimal subtotal,
        BigDecimal shippingTotal,
        BigDecimal total,
        Instant paymentDueAt,
        DeliveryAddress address,
        List<OrderLine> lines,
        List<Shipment> shipments,
        Instant createdAt) implements Event {

    public OrderCreated {
        required(orderId, "order_id");
        required(userId, "user_id");
        required(status, "status");
        required(currency, "currency");
        subtotal = money(subtotal, "subtotal");
        shippingTotal = money(shippingTotal, "shipping_total");
        total = money(total, "total");
        required(paymentDueAt, "payment_due_at");
        required(address, "address");
        lines = list(lines, "lines");
        shipments = list(shipments, "shipments");
        required(createdAt, "created_at");
    }

    @Override
    public UUID subject() {
        return orderId;
    }
}
