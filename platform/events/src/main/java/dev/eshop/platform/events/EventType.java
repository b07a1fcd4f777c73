package dev.eshop.platform.events;

import dev.eshop.platform.events.order.OrderCreated;
import dev.eshop.platform.events.order.OrderStatusUpdated;
import dev.eshop.platform.events.order.SaleCreated;
import dev.eshop.platform.events.payment.PaymentUpdated;
import dev.eshop.platform.events.product.ProductCreated;
import dev.eshop.platform.events.product.ProductDeleted;
import dev.eshop.platform.events.product.ProductQuantityUpdated;
import dev.eshop.platform.events.product.ProductUpdated;

import java.util.List;
import java.util.Optional;

/**
 * Every event the shop exchanges: its topic, its CloudEvents type and its payload record.
 * One topic per type; the topic name is the one in {@code spec/events.md}.
 */
public record EventType<T extends Event>(String topic, String ceType, Class<T> payloadType) {

    public static final EventType<ProductCreated> PRODUCT_CREATED =
            new EventType<>("product-created", "eshop.product.created.v1", ProductCreated.class);
    public static final EventType<ProductUpdated> PRODUCT_UPDATED =
            new EventType<>("product-updated", "eshop.product.updated.v1", ProductUpdated.class);
    public static final EventType<ProductDeleted> PRODUCT_DELETED =
            new EventType<>("product-deleted", "eshop.product.deleted.v1", ProductDeleted.class);
    public static final EventType<ProductQuantityUpdated> PRODUCT_QUANTITY_UPDATED =
            new EventType<>("product-quantity-updated", "eshop.product.quantity-updated.v1", ProductQuantityUpdated.class);
    public static final EventType<OrderCreated> ORDER_CREATED =
            new EventType<>("order-created", "eshop.order.created.v1", OrderCreated.class);
    public static final EventType<OrderStatusUpdated> ORDER_STATUS_UPDATED =
            new EventType<>("order-status-updated", "eshop.order.status-updated.v1", OrderStatusUpdated.class);
    public static final EventType<PaymentUpdated> PAYMENT_UPDATED =
            new EventType<>("payment-updated", "eshop.payment.updated.v1", PaymentUpdated.class);
    public static final EventType<SaleCreated> SALE_CREATED =
            new EventType<>("sale-created", "eshop.order.sale-created.v1", SaleCreated.class);

    private static final List<EventType<?>> ALL = List.of(PRODUCT_CREATED, PRODUCT_UPDATED, PRODUCT_DELETED,
            PRODUCT_QUANTITY_UPDATED, ORDER_CREATED, ORDER_STATUS_UPDATED, PAYMENT_UPDATED, SALE_CREATED);

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static Optional<EventType<?>> forTopic(String topic) {
        return ALL.stream().filter(type -> type.topic.equals(topic)).findFirst();
    }

    @SuppressWarnings("unchecked")
    public static <T extends Event> EventType<T> of(Class<T> payloadType) {
        return (EventType<T>) ALL.stream()
                .filter(type -> type.payloadType.equals(payloadType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(payloadType.getName() + " is not an event payload"));
    }

    /** The topic where records that could not be handled are parked. */
    public String deadLetterTopic() {
        return topic + ".DLT";
    }
}
