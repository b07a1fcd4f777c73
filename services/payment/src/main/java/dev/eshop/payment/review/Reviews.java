package dev.eshop.payment.review;

import dev.eshop.payment.orders.OrderCopies;
import dev.eshop.payment.orders.OrderCopy;
import dev.eshop.payment.payments.Payment;
import dev.eshop.payment.payments.PaymentDecisions;
import dev.eshop.payment.payments.PaymentView;
import dev.eshop.payment.payments.PaymentView.OrderSummary;
import dev.eshop.payment.payments.Payments;
import dev.eshop.platform.events.order.OrderStatus;
import dev.eshop.platform.events.payment.PaymentStatus;
import dev.eshop.platform.web.problem.InvalidStateException;
import dev.eshop.platform.web.problem.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * An admin's decision on a proof (spec/services.md §5.4): the payment row is locked, it must be PENDING
 * and the local order copy PAYMENT_SUBMITTED (the order has taken the proof into account, so it can no
 * longer expire or be cancelled and will accept the decision); then status, note, reviewer and time are
 * stored and {@code payment-updated} written, in one transaction.
 */
@Service
class Reviews {

    static final String NOT_REGISTERED = "The order has not registered this payment yet. Try again in a moment.";
    static final String EXPIRED = "This order has expired.";
    static final String CANCELLED = "This order was cancelled.";

    private final Payments payments;
    private final OrderCopies orders;
    private final PaymentDecisions decisions;

    Reviews(Payments payments, OrderCopies orders, PaymentDecisions decisions) {
        this.payments = payments;
        this.orders = orders;
        this.decisions = decisions;
    }

    @Transactional
    public PaymentView review(UUID paymentId, PaymentStatus decision, String note, UUID adminId, String adminName) {
        Payment payment = payments.lock(paymentId).orElseThrow(() -> new NotFoundException("payment", paymentId));
        // A plain read: the copy only moves on from PAYMENT_SUBMITTED through this payment's own decision.
        Optional<OrderCopy> order = orders.find(payment.orderId());
        OrderStatus orderStatus = order.map(OrderCopy::status).orElse(null);
        if (payment.status() != PaymentStatus.PENDING) {
            String detail = switch (orderStatus) {
                case EXPIRED -> EXPIRED;
                case CANCELLED -> CANCELLED;
                case null, default -> "This payment was already " + payment.status().name().toLowerCase(Locale.ROOT) + ".";
            };
            throw new InvalidStateException(payment.status(), detail);
        }
        if (orderStatus != OrderStatus.PAYMENT_SUBMITTED) {
            String detail = switch (orderStatus) {
                case EXPIRED -> EXPIRED;
                case CANCELLED -> CANCELLED;
                case null, default -> NOT_REGISTERED;
            };
            throw new InvalidStateException(orderStatus, detail);
        }
        Payment decided = decisions.decide(payment, decision, note, adminId, adminName);
        OrderCopy copy = order.get();
        return PaymentView.of(decided, new OrderSummary(copy.status(), copy.total(), copy.paymentDueAt()));
    }
}
