package dev.eshop.order.lifecycle;

import dev.eshop.order.orders.HistoryEntry;
import dev.eshop.order.orders.Order;
import dev.eshop.order.orders.OrderRepository;
import dev.eshop.order.orders.PricedOrder;
import dev.eshop.platform.events.order.ChangedByRole;
import dev.eshop.platform.events.order.OrderStatusUpdated;
import dev.eshop.platform.events.order.SaleCreated;
import dev.eshop.platform.events.outbox.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one way an order's status changes (spec/flows.md §2.1, invariant 9): a guarded
 * {@code UPDATE … WHERE status = ?}, then in the same transaction a history row and
 * {@code order-status-updated} in the outbox, and {@code sale-created} when the order becomes PAID.
 * Because the guard lets only one of two concurrent changes through, each of these is written once.
 */
@Service
public class StatusChanges {

    private static final int MAX_NOTE = 500;

    /** What became of a requested change. */
    public sealed interface Outcome {

        /** The order as it is now (after the change, or as it was found); null only for {@link Unknown}. */
        Order order();
    }

    /** The status changed; history, events written. */
    public record Changed(Order order) implements Outcome {
    }

    /** The order already is in the target status: nothing written (a repeated action or event). */
    public record AlreadyThere(Order order) implements Outcome {
    }

    /** The current status does not allow the change. */
    public record NotAllowed(Order order) implements Outcome {
    }

    /** The status would allow it, but the caller's {@code version} is not the current one. */
    public record StaleVersion(Order order) implements Outcome {
    }

    public record Unknown(UUID orderId) implements Outcome {

        @Override
        public Order order() {
            return null;
        }
    }

    /** The payment fields a payment event sets. */
    public record PaymentChange(UUID paymentId, String status, String adminNote, Instant updatedAt) {
    }

    private final OrderRepository orders;
    private final Outbox outbox;

    StatusChanges(OrderRepository orders, Outbox outbox) {
        this.orders = orders;
        this.outbox = outbox;
    }

    @Transactional
    public Outcome apply(UUID orderId, Transition transition, Actor actor, String note) {
        return apply(orderId, transition, actor, note, null, null);
    }

    /**
     * Moves the order along {@code transition} if its status (and {@code expectedVersion}, when given)
     * allows; joins the caller's transaction (the deadline job's batch) or starts one.
     */
    @Transactional
    public Outcome apply(UUID orderId, Transition transition, Actor actor, String note, Integer expectedVersion,
                         PaymentChange payment) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String shortNote = truncate(note);
        Map<String, Object> columns = new LinkedHashMap<>();
        switch (transition) {
            case SUBMIT_PAYMENT -> {
                columns.put("payment_id", payment.paymentId());
                columns.put("payment_status", payment.status());
                columns.put("payment_updated_at", payment.updatedAt());
            }
            case APPROVE_PAYMENT -> {
                columns.put("payment_status", payment.status());
                columns.put("payment_updated_at", payment.updatedAt());
                columns.put("paid_at", now);
            }
            case REJECT_PAYMENT -> {
                columns.put("payment_status", payment.status());
                columns.put("payment_admin_note", truncate(payment.adminNote()));
                columns.put("payment_updated_at", payment.updatedAt());
            }
            case SHIP -> columns.put("shipped_at", now);
            case DELIVER -> columns.put("delivered_at", now);
            case EXPIRE, CANCEL -> {
            }
        }
        if (transition.closes()) {
            columns.put("closed_at", now);
        }
        var changed = orders.changeStatus(orderId, transition.from(), transition.to(), expectedVersion, columns, now);
        if (changed.isEmpty()) {
            return orders.find(orderId).<Outcome>map(found -> {
                if (found.status() == transition.to()) {
                    return new AlreadyThere(found);
                }
                if (found.status() == transition.from()) {
                    return new StaleVersion(found);
                }
                return new NotAllowed(found);
            }).orElseGet(() -> new Unknown(orderId));
        }
        Order order = changed.get();
        orders.insertHistory(orderId, new HistoryEntry(transition.from(), transition.to(), transition.reason().name(), shortNote,
                actor.id(), actor.name(), actor.role(), now));
        outbox.add(new OrderStatusUpdated(orderId, order.userId(), transition.to(), transition.from(), transition.reason(), shortNote,
                actor.role() == ChangedByRole.SYSTEM ? null : actor.id(), actor.role(), order.version(), now));
        if (transition == Transition.APPROVE_PAYMENT) {
            outbox.add(new SaleCreated(orderId, order.userId(), now, orders.lines(orderId).stream()
                    .map(StatusChanges::saleItem).toList()));
        }
        return new Changed(order);
    }

    private static SaleCreated.Item saleItem(PricedOrder.Line line) {
        return new SaleCreated.Item(line.productId(), line.productName(), line.categoryId(), line.categoryName(), line.quantity(),
                line.unitPrice(), line.lineTotal());
    }

    private static String truncate(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        return note.length() > MAX_NOTE ? note.substring(0, MAX_NOTE) : note;
    }
}
