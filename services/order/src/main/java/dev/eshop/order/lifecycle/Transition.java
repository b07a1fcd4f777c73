package dev.eshop.order.lifecycle;

import dev.eshop.platform.events.order.OrderStatus;
import dev.eshop.platform.events.order.StatusChangeReason;

import static dev.eshop.platform.events.order.OrderStatus.CANCELLED;
import static dev.eshop.platform.events.order.OrderStatus.DELIVERED;
import static dev.eshop.platform.events.order.OrderStatus.EXPIRED;
import static dev.eshop.platform.events.order.OrderStatus.ON_DELIVERY;
import static dev.eshop.platform.events.order.OrderStatus.PAID;
import static dev.eshop.platform.events.order.OrderStatus.PAYMENT_SUBMITTED;
import static dev.eshop.platform.events.order.OrderStatus.PENDING_PAYMENT;
import static dev.eshop.platform.events.order.OrderStatus.REJECTED;

/**
 * Every move the order state machine allows (spec/flows.md §2.1), each from exactly one status.
 * Anything else is refused: 409 {@code invalid-state} for an HTTP action, "not applicable" for an event.
 * {@code DELIVERED}, {@code REJECTED}, {@code EXPIRED} and {@code CANCELLED} are final.
 */
public enum Transition {

    /** ⇐ {@code payment-updated} PENDING: a proof was uploaded; the deadline stops applying. */
    SUBMIT_PAYMENT(PENDING_PAYMENT, PAYMENT_SUBMITTED, StatusChangeReason.PAYMENT_SUBMITTED),
    /** ⇐ {@code payment-updated} APPROVED; also writes {@code sale-created}. */
    APPROVE_PAYMENT(PAYMENT_SUBMITTED, PAID, StatusChangeReason.PAYMENT_APPROVED),
    /** ⇐ {@code payment-updated} REJECTED; warehouse releases the stock. */
    REJECT_PAYMENT(PAYMENT_SUBMITTED, REJECTED, StatusChangeReason.PAYMENT_REJECTED),
    /** The deadline job: {@code payment_due_at} + grace passed without a proof. */
    EXPIRE(PENDING_PAYMENT, EXPIRED, StatusChangeReason.DEADLINE_PASSED),
    /** The owner cancels before paying. */
    CANCEL(PENDING_PAYMENT, CANCELLED, StatusChangeReason.CANCELLED_BY_CUSTOMER),
    /** An admin ships a paid order. */
    SHIP(PAID, ON_DELIVERY, StatusChangeReason.SHIPPED),
    /** The owner confirms delivery, or an admin marks it delivered. */
    DELIVER(ON_DELIVERY, DELIVERED, StatusChangeReason.DELIVERY_CONFIRMED);

    private final OrderStatus from;
    private final OrderStatus to;
    private final StatusChangeReason reason;

    Transition(OrderStatus from, OrderStatus to, StatusChangeReason reason) {
        this.from = from;
        this.to = to;
        this.reason = reason;
    }

    public OrderStatus from() {
        return from;
    }

    public OrderStatus to() {
        return to;
    }

    public StatusChangeReason reason() {
        return reason;
    }

    /** Whether the order is final in {@code to}: {@code closed_at} is set. */
    boolean closes() {
        return to == DELIVERED || to == REJECTED || to == EXPIRED || to == CANCELLED;
    }
}
