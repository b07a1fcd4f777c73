package dev.eshop.storefront.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One order as its owner sees it (services.md §4.2), with what its page derives from it. */
public record OrderDetail(UUID id, String status, List<Line> lines, List<Shipment> shipments, Address address, BigDecimal subtotal,
                          BigDecimal shippingTotal, BigDecimal total, Instant paymentDueAt, Long paymentSecondsLeft, Payment payment,
                          List<HistoryEntry> history, List<String> allowedActions, Instant createdAt, Instant paidAt,
                          Instant shippedAt, Instant deliveredAt) {

    /** Statuses an order never leaves. */
    static final Set<String> FINAL = Set.of("DELIVERED", "REJECTED", "EXPIRED", "CANCELLED");

    /** The happy path's steps still ahead are shown greyed on the timeline. */
    private static final List<String> AHEAD = List.of("PAID", "ON_DELIVERY", "DELIVERED");
    private static final List<String> HAPPY_PATH = List.of("PENDING_PAYMENT", "PAYMENT_SUBMITTED", "PAID", "ON_DELIVERY", "DELIVERED");

    public OrderDetail {
        lines = lines == null ? List.of() : lines;
        shipments = shipments == null ? List.of() : shipments;
        history = history == null ? List.of() : history.stream().sorted(Comparator.comparing(HistoryEntry::at,
                Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
        allowedActions = allowedActions == null ? List.of() : allowedActions;
    }

    public record Line(UUID productId, String productName, String imageUrl, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    public record Shipment(String warehouseName, int vehicles, BigDecimal shippingCost) {
    }

    public record Address(String street, String city, String state, String zipCode, String note) {
    }

    public record Payment(UUID paymentId, String status, String adminNote, Instant updatedAt) {
    }

    public record HistoryEntry(String fromStatus, String toStatus, String note, Instant at) {
    }

    /** A step of the timeline: a change that happened ({@code at} set), or one still ahead; the first is "Order placed". */
    public record Step(String status, boolean placed, Instant at, String note, boolean upcoming) {
    }

    public boolean isFinal() {
        return FINAL.contains(status);
    }

    public boolean allows(String action) {
        return allowedActions.contains(action);
    }

    /** When the order entered a status, from its history. */
    public Optional<Instant> enteredAt(String wanted) {
        return history.stream().filter(entry -> wanted.equals(entry.toStatus())).map(HistoryEntry::at).reduce((first, last) -> last);
    }

    /** The note of the change into a status (the carrier and tracking number on shipping). */
    public Optional<String> noteOf(String wanted) {
        return history.stream().filter(entry -> wanted.equals(entry.toStatus()) && entry.note() != null && !entry.note().isBlank())
                .map(HistoryEntry::note).reduce((first, last) -> last);
    }

    /** When the proof of payment arrived: the move to "Payment under review", else the payment's own time. */
    public Optional<Instant> proofReceivedAt() {
        return enteredAt("PAYMENT_SUBMITTED").or(() -> Optional.ofNullable(payment).map(Payment::updatedAt));
    }

    /** Why the payment was not accepted: the reviewer's note. */
    public Optional<String> rejectionNote() {
        return Optional.ofNullable(payment).map(Payment::adminNote).filter(note -> !note.isBlank()).or(() -> noteOf("REJECTED"));
    }

    /** Seconds left to pay, while awaiting payment. */
    public long secondsLeft(Instant now) {
        if (paymentSecondsLeft != null) {
            return paymentSecondsLeft;
        }
        return paymentDueAt == null ? 0 : Math.max(0, paymentDueAt.getEpochSecond() - now.getEpochSecond());
    }

    public List<Step> timeline() {
        List<Step> steps = new ArrayList<>();
        for (HistoryEntry entry : history) {
            steps.add(new Step(entry.toStatus(), entry.fromStatus() == null, entry.at(), entry.note(), false));
        }
        int reached = HAPPY_PATH.indexOf(status);
        if (reached >= 0) {
            for (String ahead : AHEAD) {
                if (HAPPY_PATH.indexOf(ahead) > reached) {
                    steps.add(new Step(ahead, false, null, null, true));
                }
            }
        }
        return steps;
    }
}
