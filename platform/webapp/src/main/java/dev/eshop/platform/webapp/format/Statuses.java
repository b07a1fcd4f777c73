package dev.eshop.platform.webapp.format;

import java.util.Map;

/** The order and payment status labels and badges of spec/ui.md §0.3, the same in both apps. */
final class Statuses {

    static final Map<String, Badge> ORDER = Map.of(
            "PENDING_PAYMENT", new Badge("Awaiting payment", "amber", "◷"),
            "PAYMENT_SUBMITTED", new Badge("Payment under review", "blue", "⧗"),
            "PAID", new Badge("Paid", "teal", "✓"),
            "ON_DELIVERY", new Badge("On delivery", "indigo", "⛟"),
            "DELIVERED", new Badge("Delivered", "green", "✓✓"),
            "REJECTED", new Badge("Payment rejected", "red", "✕"),
            "EXPIRED", new Badge("Expired", "grey", "⊘"),
            "CANCELLED", new Badge("Cancelled", "grey", "✕"));

    static final Map<String, Badge> PAYMENT = Map.of(
            "PENDING", new Badge("Under review", "blue", "⧗"),
            "APPROVED", new Badge("Approved", "green", "✓"),
            "REJECTED", new Badge("Rejected", "red", "✕"));

    private Statuses() {
    }

    /** A status the table does not know (a newer service) still shows, as its own words. */
    static Badge unknown(String status) {
        String words = status == null ? "Unknown" : status.replace('_', ' ').toLowerCase();
        return new Badge(Character.toUpperCase(words.charAt(0)) + words.substring(1), "grey", "•");
    }
}
