package dev.eshop.shippingcost.quote;

import java.math.BigDecimal;

/**
 * The price of one shipment.
 *
 * @param shippingCost USD, scale 2
 * @param distance     |from_zip − to_zip|, in zip units
 * @param vehicles     as requested
 */
public record ShippingQuote(BigDecimal shippingCost, int distance, int vehicles) {
}
