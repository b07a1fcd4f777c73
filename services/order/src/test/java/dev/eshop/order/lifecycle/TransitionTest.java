package dev.eshop.order.lifecycle;

import dev.eshop.platform.events.order.OrderStatus;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import static dev.eshop.platform.events.order.OrderStatus.CANCELLED;
import static dev.eshop.platform.events.order.OrderStatus.DELIVERED;
import static dev.eshop.platform.events.order.OrderStatus.EXPIRED;
import static dev.eshop.platform.events.order.OrderStatus.ON_DELIVERY;
import static dev.eshop.platform.events.order.OrderStatus.PAID;
import static dev.eshop.platform.events.order.OrderStatus.PAYMENT_SUBMITTED;
import static dev.eshop.platform.events.order.OrderStatus.PENDING_PAYMENT;
import static dev.eshop.platform.events.order.OrderStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

/** The transitions are exactly the table of spec flows.md §2.1, and the final statuses have none. */
class TransitionTest {

    @Test
    void theMovesAreTheOnesOfTheStateMachine() {
        assertThat(Arrays.stream(Transition.values()).map(t -> t.from() + " → " + t.to()).toList()).containsExactlyInAnyOrder(
                "PENDING_PAYMENT → PAYMENT_SUBMITTED",
                "PENDING_PAYMENT → EXPIRED",
                "PENDING_PAYMENT → CANCELLED",
                "PAYMENT_SUBMITTED → PAID",
                "PAYMENT_SUBMITTED → REJECTED",
                "PAID → ON_DELIVERY",
                "ON_DELIVERY → DELIVERED");
    }

    @Test
    void finalStatusesAreLeftByNothingAndClosed() {
        EnumSet<OrderStatus> finals = EnumSet.of(DELIVERED, REJECTED, EXPIRED, CANCELLED);
        assertThat(Arrays.stream(Transition.values()).map(Transition::from)).doesNotContainAnyElementsOf(finals);
        for (Transition transition : Transition.values()) {
            assertThat(transition.closes()).as(transition.name()).isEqualTo(finals.contains(transition.to()));
        }
        assertThat(List.of(PENDING_PAYMENT, PAYMENT_SUBMITTED, PAID, ON_DELIVERY))
                .allSatisfy(status -> assertThat(Arrays.stream(Transition.values()).map(Transition::from)).contains(status));
    }
}
