package dev.eshop.payment.proof;

import dev.eshop.payment.orders.OrderCopies;
import dev.eshop.payment.orders.OrderCopy;
import dev.eshop.payment.payments.Payment;
import dev.eshop.payment.payments.PaymentDecisions;
import dev.eshop.payment.payments.PaymentView;
import dev.eshop.payment.payments.PaymentView.OrderSummary;
import dev.eshop.payment.payments.Payments;
import dev.eshop.platform.events.outbox.Outbox;
import dev.eshop.platform.events.payment.PaymentStatus;
import dev.eshop.platform.web.Ids;
import dev.eshop.platform.web.problem.DuplicateException;
import dev.eshop.platform.web.problem.ForbiddenException;
import dev.eshop.platform.web.problem.InvalidStateException;
import dev.eshop.platform.web.problem.NotFoundException;
import dev.eshop.platform.web.upload.CheckedImage;
import dev.eshop.platform.web.upload.ImageUploads;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * A customer's upload of a proof for their order (spec/services.md §5.4), checked in this order: size
 * (413, also enforced by the multipart limit before this runs), order known locally (404), owner (403),
 * order {@code PENDING_PAYMENT} before its deadline (409 {@code invalid-state}), no payment yet (409
 * {@code duplicate}), then the image checks of the platform's {@link ImageUploads} (415). The original
 * and its thumbnail are written to S3 under generated keys, then the row and {@code payment-updated}
 * (PENDING) in one transaction that locks the order copy and checks again; if the transaction fails (a
 * concurrent upload won the unique {@code order_id}, the order closed meanwhile, the database failed),
 * the objects are deleted again.
 */
@Service
class ProofUploads {

    static final String NOT_KNOWN_YET = "This order is not known to payments yet. Try again in a minute.";

    private final OrderCopies orders;
    private final Payments payments;
    private final ProofStorage storage;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final ImageUploads uploads;

    ProofUploads(OrderCopies orders, Payments payments, ProofStorage storage, Outbox outbox, TransactionTemplate transaction,
                 ProofSettings settings) {
        this.orders = orders;
        this.payments = payments;
        this.storage = storage;
        this.outbox = outbox;
        this.transaction = transaction;
        this.uploads = new ImageUploads(settings.maxSize().toBytes(), settings.maxDimension(), settings.thumbnailSize());
    }

    long maxBytes() {
        return uploads.maxBytes();
    }

    PaymentView upload(UUID customerId, UUID orderId, MultipartFile image, String customerNote) {
        OrderCopy order = orders.find(orderId).filter(OrderCopy::complete).orElseThrow(() -> new NotFoundException(NOT_KNOWN_YET));
        if (!order.userId().equals(customerId)) {
            throw new ForbiddenException("This order belongs to another customer.");
        }
        checkPayable(order, PaymentDecisions.now());
        if (payments.existsForOrder(orderId)) {
            throw duplicate();
        }
        CheckedImage checked = uploads.check(image);

        UUID id = Ids.newId();
        Instant created = PaymentDecisions.now();
        ZonedDateTime at = created.atZone(ZoneOffset.UTC);
        String imageKey = "payment-proofs/%04d/%02d/%s".formatted(at.getYear(), at.getMonthValue(), id);
        String thumbnailKey = imageKey + "-thumb";
        try {
            storage.put(imageKey, checked.bytes(), checked.type().mediaType());
            storage.put(thumbnailKey, checked.thumbnail(), "image/jpeg");
            return transaction.execute(status -> {
                OrderCopy locked = orders.lock(orderId).orElseThrow(() -> new NotFoundException(NOT_KNOWN_YET));
                checkPayable(locked, PaymentDecisions.now());
                if (payments.existsForOrder(orderId)) {
                    throw duplicate();
                }
                Payment payment = new Payment(id, orderId, customerId, PaymentStatus.PENDING, locked.total(), imageKey, thumbnailKey,
                        checked.type().mediaType(), checked.sizeBytes(), customerNote, null, null, null, null, 1, created, created);
                payments.insert(payment);
                outbox.add(payment.updatedEvent());
                return PaymentView.of(payment, new OrderSummary(locked.status(), locked.total(), locked.paymentDueAt()));
            });
        }
        catch (DuplicateKeyException e) {
            storage.deleteQuietly(imageKey, thumbnailKey);
            throw duplicate();
        }
        catch (RuntimeException e) {
            storage.deleteQuietly(imageKey, thumbnailKey);
            throw e;
        }
    }

    /** 409 unless the order awaits payment and its deadline has not passed. */
    private static void checkPayable(OrderCopy order, Instant now) {
        String refusal = switch (order.status()) {
            case PENDING_PAYMENT -> now.isBefore(order.paymentDueAt()) ? null : "The payment window for this order has closed.";
            case PAYMENT_SUBMITTED -> "A payment proof for this order is already being reviewed.";
            case PAID, ON_DELIVERY, DELIVERED -> "This order is already paid.";
            case REJECTED -> "The payment for this order was rejected, so the order is closed. Please place a new order.";
            case EXPIRED -> "The payment window for this order has closed.";
            case CANCELLED -> "This order was cancelled.";
        };
        if (refusal != null) {
            throw new InvalidStateException(order.status(), refusal);
        }
    }

    private static DuplicateException duplicate() {
        return new DuplicateException("order_id", "A payment proof was already uploaded for this order.");
    }
}
