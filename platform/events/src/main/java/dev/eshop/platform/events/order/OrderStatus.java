package dev.eshop.platform.events.order;

public enum OrderStatus {
    PENDING_PAYMENT, PAYMENT_SUBMITTED, PAID, ON_DELIVERY, DELIVERED, REJECTED, EXPIRED, CANCELLED
}
