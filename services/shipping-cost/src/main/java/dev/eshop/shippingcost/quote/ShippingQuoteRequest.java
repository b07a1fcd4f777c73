package dev.eshop.shippingcost.quote;

import dev.eshop.platform.web.ZipCode;
import jakarta.validation.constraints.NotNull;

/**
 * One shipment to price: from the warehouse's zip code to the delivery zip code, for a number of
 * vehicles. The vehicle range depends on {@code eshop.shipping.max-vehicles}, so it is checked by
 * {@link ShippingCost} rather than by an annotation.
 */
public record ShippingQuoteRequest(
        @ZipCode String fromZip,
        @ZipCode String toZip,
        @NotNull Integer vehicles) {
}
