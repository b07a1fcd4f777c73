package dev.eshop.storefront;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code eshop.storefront.*} (spec/ui.md §0.6).
 *
 * @param fewLeftThreshold    at or below this stock a product says "Only N left"
 * @param paymentInstructions where customers transfer the money to
 * @param pageCacheTtl        how long a page rendered for visitors is served again to other visitors; 0 renders every time
 * @param categoryCacheTtl    how long the category tree is kept before product is asked again
 */
@ConfigurationProperties("eshop.storefront")
public record StorefrontSettings(int fewLeftThreshold, PaymentInstructions paymentInstructions, Duration pageCacheTtl,
                                 Duration categoryCacheTtl) {

    public StorefrontSettings {
        fewLeftThreshold = fewLeftThreshold < 0 ? 3 : fewLeftThreshold;
        paymentInstructions = paymentInstructions == null ? new PaymentInstructions(null, null, null, null) : paymentInstructions;
        pageCacheTtl = pageCacheTtl == null ? Duration.ofSeconds(5) : pageCacheTtl;
        categoryCacheTtl = categoryCacheTtl == null ? Duration.ofSeconds(30) : categoryCacheTtl;
    }

    /** The bank account shown on an order awaiting payment, and what to write as the reference. */
    public record PaymentInstructions(String bankName, String accountHolder, String accountNumber, String reference) {

        public PaymentInstructions {
            reference = reference == null || reference.isBlank() ? "Use your order number as the transfer reference." : reference;
        }
    }
}
