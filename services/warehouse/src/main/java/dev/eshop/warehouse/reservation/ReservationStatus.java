package dev.eshop.warehouse.reservation;

/** HELD: the units are out of stock for the order; COMMITTED: the order is paid, they stay out; RELEASED: they went back. */
public enum ReservationStatus {
    HELD, COMMITTED, RELEASED
}
