package dev.eshop.payment.payments;

import dev.eshop.platform.events.outbox.Outbox;
import dev.eshop.platform.events.payment.PaymentStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The one way a payment leaves PENDING (flows.md §2.2): by an admin's review or automatically when its
 * order expired or was cancelled. Status, note, reviewer and time are stored and {@code payment-updated}
 * is written to the outbox in the caller's transaction, on a row the caller has locked.
 */
@Service
public class PaymentDecisions {

    private final Payments payments;
    private final Outbox outbox;

    PaymentDecisions(Payments payments, Outbox outbox) {
        this.payments = payments;
        this.outbox = outbox;
    }

    /**
     * Decides a locked PENDING payment.
     *
     * @param reviewedBy     the admin, or null for an automatic rejection
     * @param reviewedByName the admin's name claim (display only), or null
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Payment decide(Payment pending, PaymentStatus decision, String adminNote, UUID reviewedBy, String reviewedByName) {
        if (pending.status() != PaymentStatus.PENDING || decision == PaymentStatus.PENDING) {
            throw new IllegalStateException("payment " + pending.id() + " is " + pending.status() + "; it cannot become " + decision);
        }
        Instant now = now();
        Payment decided = new Payment(pending.id(), pending.orderId(), pending.userId(), decision, pending.amount(), pending.imageKey(),
                pending.thumbnailKey(), pending.imageContentType(), pending.imageSize(), pending.customerNote(), adminNote,
                reviewedBy, reviewedByName, now, pending.version() + 1, pending.createdAt(), now);
        if (!payments.decide(decided)) {
            throw new IllegalStateException("payment " + pending.id() + " was not locked by the caller and is no longer PENDING");
        }
        outbox.add(decided.updatedEvent());
        return decided;
    }

    /** Now, at the precision of a DATETIME(6) column, so events and rows carry the same instants. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
