package dev.eshop.order.lifecycle;

import dev.eshop.order.lifecycle.StatusChanges.AlreadyThere;
import dev.eshop.order.lifecycle.StatusChanges.Changed;
import dev.eshop.order.lifecycle.StatusChanges.NotAllowed;
import dev.eshop.order.lifecycle.StatusChanges.Outcome;
import dev.eshop.order.lifecycle.StatusChanges.StaleVersion;
import dev.eshop.order.lifecycle.StatusChanges.Unknown;
import dev.eshop.order.orders.Order;
import dev.eshop.order.orders.OrderDetail;
import dev.eshop.order.orders.OrderRepository;
import dev.eshop.order.orders.OrderViews;
import dev.eshop.platform.events.order.ChangedByRole;
import dev.eshop.platform.events.order.OrderStatus;
import dev.eshop.platform.web.problem.ForbiddenException;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import dev.eshop.platform.web.problem.InvalidStateException;
import dev.eshop.platform.web.problem.NotFoundException;
import dev.eshop.platform.web.problem.StaleVersionException;
import dev.eshop.platform.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * The actions people take on an order (spec/services.md §4.3): the owner cancels before paying and
 * confirms delivery; an admin ships and marks delivered. Each goes through {@link StatusChanges}.
 * Repeating an action whose target is already the status answers 200 and changes nothing.
 */
@RestController
@Tag(name = "Order actions", description = "Cancel and confirm delivery (the owning CUSTOMER); ship and mark delivered (ADMIN)")
class LifecycleController {

    record CancelRequest(@Size(max = 500) String reason) {
    }

    /** {@code status}: ON_DELIVERY (ship) or DELIVERED; {@code version}: the one the admin saw, optional. */
    record StatusRequest(@NotNull OrderStatus status, @Size(max = 500) String note, Integer version) {
    }

    private final StatusChanges changes;
    private final OrderRepository orders;
    private final OrderViews views;

    LifecycleController(StatusChanges changes, OrderRepository orders, OrderViews views) {
        this.changes = changes;
        this.orders = orders;
        this.views = views;
    }

    @PostMapping("/v1/orders/{id}/cancel")
    OrderDetail cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) CancelRequest request) {
        ownedByCaller(id);
        Outcome outcome = changes.apply(id, Transition.CANCEL, Actor.current(ChangedByRole.CUSTOMER),
                request == null ? null : request.reason());
        return answer(outcome, status -> status == OrderStatus.PAYMENT_SUBMITTED
                ? "Your payment is being reviewed; the order can no longer be cancelled."
                : "Only an order awaiting payment can be cancelled; this one is " + describe(status) + ".");
    }

    @PostMapping("/v1/orders/{id}/confirm-delivery")
    OrderDetail confirmDelivery(@PathVariable UUID id) {
        ownedByCaller(id);
        Outcome outcome = changes.apply(id, Transition.DELIVER, Actor.current(ChangedByRole.CUSTOMER), null);
        return answer(outcome, status -> "Only an order on its way can be confirmed as delivered; this one is "
                + describe(status) + ".");
    }

    @PatchMapping("/v1/orders/{id}/status")
    OrderDetail changeStatus(@PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
        Transition transition = switch (request.status()) {
            case ON_DELIVERY -> Transition.SHIP;
            case DELIVERED -> Transition.DELIVER;
            default -> throw new InvalidFieldsException("status", "must be ON_DELIVERY or DELIVERED");
        };
        Outcome outcome = changes.apply(id, transition, Actor.current(ChangedByRole.ADMIN), request.note(), request.version(), null);
        return answer(outcome, status -> transition == Transition.SHIP
                ? "Only a paid order can be shipped; this one is " + describe(status) + "."
                : "Only an order on its way can be marked delivered; this one is " + describe(status) + ".");
    }

    /** 404 for an unknown order, 403 unless the caller is the customer who placed it (an admin is not). */
    private void ownedByCaller(UUID id) {
        Order order = orders.find(id).orElseThrow(() -> new NotFoundException("order", id));
        if (!order.userId().toString().equals(CurrentUser.subject())) {
            throw new ForbiddenException("This order belongs to another customer.");
        }
    }

    private OrderDetail answer(Outcome outcome, Function<OrderStatus, String> refusal) {
        return switch (outcome) {
            case Changed changed -> views.detail(changed.order(), OrderViews.Viewer.current());
            case AlreadyThere same -> views.detail(same.order(), OrderViews.Viewer.current());
            case NotAllowed refused -> throw new InvalidStateException(refused.order().status(), refusal.apply(refused.order().status()));
            case StaleVersion stale -> throw new StaleVersionException(stale.order().version(),
                    "The order was changed meanwhile; its current version is " + stale.order().version()
                            + ". Reload it and try again.");
            case Unknown unknown -> throw new NotFoundException("order", unknown.orderId());
        };
    }

    private static String describe(OrderStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
