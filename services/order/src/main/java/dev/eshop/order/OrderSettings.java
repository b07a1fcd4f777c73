package dev.eshop.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code eshop.order.*} (spec/services.md §4.7).
 *
 * @param paymentWindow      how long after checkout a proof may be uploaded ({@code payment_due_at} = created + window)
 * @param expiryGrace        how long after {@code payment_due_at} the deadline job waits before it expires an order
 * @param deadlineJob        the payment deadline job
 * @param checkout           the checkout attempts and their sweeper
 * @param maxLines           lines per order
 * @param maxQuantityPerLine units per line
 */
@ConfigurationProperties("eshop.order")
public record OrderSettings(
        @DefaultValue("24h") Duration paymentWindow,
        @DefaultValue("2m") Duration expiryGrace,
        @DefaultValue DeadlineJob deadlineJob,
        @DefaultValue Checkout checkout,
        @DefaultValue("20") int maxLines,
        @DefaultValue("10") int maxQuantityPerLine) {

    /**
     * @param interval  pause between two rounds
     * @param batchSize orders expired per transaction
     */
    public record DeadlineJob(@DefaultValue("30s") Duration interval, @DefaultValue("100") int batchSize) {
    }

    /**
     * @param attemptTimeout  age after which an attempt whose order was never saved counts as abandoned
     * @param sweeperInterval pause between two sweeps
     */
    public record Checkout(@DefaultValue("5m") Duration attemptTimeout, @DefaultValue("1m") Duration sweeperInterval) {
    }
}
