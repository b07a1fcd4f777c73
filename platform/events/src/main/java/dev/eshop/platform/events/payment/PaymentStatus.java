package dev.eshop.platform.events.payment;

public enum PaymentStatus {
    PENDING, APPROVED, REJECTED
}
