package dev.eshop.storefront;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code eshop.storefront.*} (spec/ui.md §0.6).
 *
 * @param fewLeftThreshold    at or below this stock a product says "Only N left"
 * @param paymentInstructions where customers transfer the money to
 */
@ConfigurationProperties("eshop.storefront")
public record StorefrontSettings(int fewLeftThreshold, PaymentInstructions paymentInstructions) {

    public StorefrontSettings {
        fewLeftThreshold = fewLeftThreshold < 0 ? 3 : fewLeftThreshold;
        paymentInstructions = paymentInstructions == null ? new PaymentInstructions(null, null, null, null) : paymentInstructions;
    }

    /** The bank account shown on an order awaiting payment, and what to write as the reference. */
    public record PaymentInstructions(String bankName, String accountHolder, String accountNumber, String reference) {

        public PaymentInstructions {
            reference = reference == null || reference.isBlank() ? "Use your order number as the transfer reference." : reference;
        }
    }
}
