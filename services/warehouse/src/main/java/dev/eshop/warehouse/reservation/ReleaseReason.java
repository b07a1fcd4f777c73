package dev.eshop.warehouse.reservation;

/** Why a reservation was released: the order's end (from its events) or a checkout that did not finish (from order's call). */
public enum ReleaseReason {
    ORDER_REJECTED, ORDER_EXPIRED, ORDER_CANCELLED, CHECKOUT_FAILED, CHECKOUT_ABANDONED
}
