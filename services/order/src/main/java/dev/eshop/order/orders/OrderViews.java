package dev.eshop.order.orders;

import dev.eshop.order.orders.OrderDetail.AllowedAction;
import dev.eshop.platform.events.order.OrderStatus;
import dev.eshop.platform.web.problem.NotFoundException;
import dev.eshop.platform.web.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds {@link OrderDetail}s: the order with its lines, shipments, payment, timeline and what the caller may do next. */
@Component
public class OrderViews {

    /** Who is looking: the token's subject and whether it is an admin's. */
    public record Viewer(String subject, boolean admin) {

        /** The caller of the current request. */
        public static Viewer current() {
            return new Viewer(CurrentUser.subject(), CurrentUser.isAdmin());
        }

        boolean owns(Order order) {
            return order.userId().toString().equals(subject);
        }
    }

    private final OrderRepository orders;
    private final Clock clock;

    OrderViews(OrderRepository orders) {
        this.orders = orders;
        this.clock = Clock.systemUTC();
    }

    /** The order for a viewer who may see it (the caller checks ownership); 404 when unknown. */
    @Transactional(readOnly = true)
    public OrderDetail detail(UUID orderId, Viewer viewer) {
        Order order = orders.find(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
        return detail(order, viewer);
    }

    @Transactional(readOnly = true)
    public OrderDetail detail(Order order, Viewer viewer) {
        List<PricedOrder.Line> lines = orders.lines(order.id());
        Map<UUID, String> names = lines.stream().collect(Collectors.toMap(PricedOrder.Line::productId, PricedOrder.Line::productName));
        List<OrderDetail.ShipmentView> shipments = orders.shipments(order.id()).stream()
                .map(s -> new OrderDetail.ShipmentView(s.warehouseId(), s.warehouseName(), s.fromZip(), s.vehicles(), s.shippingCost(),
                        s.items().stream().map(i -> new OrderDetail.ItemView(i.productId(), names.get(i.productId()), i.quantity()))
                                .toList()))
                .toList();
        Instant now = clock.instant();
        Long secondsLeft = order.status() == OrderStatus.PENDING_PAYMENT
                ? Math.max(0, Duration.between(now, order.paymentDueAt()).toSeconds()) : null;
        OrderDetail.PaymentView payment = order.paymentId() == null ? null
                : new OrderDetail.PaymentView(order.paymentId(), order.paymentStatus(), order.paymentAdminNote(), order.paymentUpdatedAt());
        return new OrderDetail(order.id(), order.userId(), order.customerEmail(), order.customerName(), order.status(),
                order.currency(), order.version(),
                lines.stream().map(l -> new OrderDetail.LineView(l.productId(), l.sku(), l.productName(), l.categoryName(),
                        l.imageUrl(), l.quantity(), l.unitPrice(), l.lineTotal())).toList(),
                shipments, order.address(), order.subtotal(), order.shippingTotal(), order.total(), order.paymentDueAt(), secondsLeft,
                payment, orders.history(order.id()).stream().map(toView()).toList(), allowedActions(order, viewer, now),
                order.createdAt(), order.updatedAt(), order.paidAt(), order.shippedAt(), order.deliveredAt());
    }

    private static Function<HistoryEntry, OrderDetail.HistoryView> toView() {
        return h -> new OrderDetail.HistoryView(h.fromStatus(), h.toStatus(), h.reason(), h.note(), h.actorRole(), h.actorName(), h.at());
    }

    /** The owner's actions (cancel, upload a proof, confirm delivery) and the admin's (ship, mark delivered) the status allows now. */
    static List<AllowedAction> allowedActions(Order order, Viewer viewer, Instant now) {
        List<AllowedAction> actions = new ArrayList<>();
        if (viewer.owns(order)) {
            if (order.status() == OrderStatus.PENDING_PAYMENT) {
                actions.add(AllowedAction.CANCEL);
                if (now.isBefore(order.paymentDueAt())) {
                    actions.add(AllowedAction.UPLOAD_PAYMENT);
                }
            }
            if (order.status() == OrderStatus.ON_DELIVERY) {
                actions.add(AllowedAction.CONFIRM_DELIVERY);
            }
        }
        if (viewer.admin()) {
            if (order.status() == OrderStatus.PAID) {
                actions.add(AllowedAction.SHIP);
            }
            if (order.status() == OrderStatus.ON_DELIVERY) {
                actions.add(AllowedAction.MARK_DELIVERED);
            }
        }
        return actions;
    }
}
