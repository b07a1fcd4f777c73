package dev.eshop.order.orders;

import dev.eshop.order.orders.OrderDetail.AllowedAction;
import dev.eshop.order.orders.OrderViews.Viewer;
import dev.eshop.platform.events.order.OrderStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code allowed_actions} of an order detail (spec services.md §4.2): per status, for its owner, an admin and anyone else. */
class AllowedActionsTest {

    private static final UUID OWNER = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2025-01-09T12:00:00Z");

    @ParameterizedTest(name = "{0}, deadline passed {1}: owner {2}, admin {3}")
    @CsvSource(delimiter = '|', value = {
            "PENDING_PAYMENT   | false | CANCEL UPLOAD_PAYMENT | ''",
            "PENDING_PAYMENT   | true  | CANCEL               | ''",
            "PAYMENT_SUBMITTED | false | ''                   | ''",
            "PAID              | false | ''                   | SHIP",
            "ON_DELIVERY       | false | CONFIRM_DELIVERY     | MARK_DELIVERED",
            "DELIVERED         | false | ''                   | ''",
            "REJECTED          | false | ''                   | ''",
            "EXPIRED           | true  | ''                   | ''",
            "CANCELLED         | false | ''                   | ''"})
    void whatTheOwnerAndAnAdminMayDoNext(OrderStatus status, boolean deadlinePassed, String owner, String admin) {
        Order order = order(status, deadlinePassed ? NOW.minusSeconds(1) : NOW.plus(Duration.ofHours(1)));
        assertThat(OrderViews.allowedActions(order, new Viewer(OWNER.toString(), false), NOW)).isEqualTo(actions(owner));
        assertThat(OrderViews.allowedActions(order, new Viewer(UUID.randomUUID().toString(), true), NOW)).isEqualTo(actions(admin));
        assertThat(OrderViews.allowedActions(order, new Viewer(UUID.randomUUID().toString(), false), NOW)).isEmpty();
        assertThat(OrderViews.allowedActions(order, new Viewer("cart-service", false), NOW)).isEmpty();
    }

    private static List<AllowedAction> actions(String names) {
        return names.isBlank() ? List.of() : Arrays.stream(names.trim().split("\\s+")).map(AllowedAction::valueOf).toList();
    }

    private static Order order(OrderStatus status, Instant paymentDueAt) {
        BigDecimal amount = new BigDecimal("100.00");
        return new Order(UUID.randomUUID(), OWNER, "o@example.com", "Owner", status, "USD", amount, amount, amount.add(amount),
                new Order.Address("1 Main St", "Springfield", "IL", "10000", null), paymentDueAt, null, null, null, null, null,
                null, null, null, "key", 1, NOW.minusSeconds(3600), NOW.minusSeconds(3600));
    }
}
