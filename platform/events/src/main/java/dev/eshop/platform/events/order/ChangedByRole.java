package dev.eshop.platform.events.order;

public enum ChangedByRole {
    CUSTOMER, ADMIN, SYSTEM
}
