package dev.eshop.shippingcost.quote;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;

/**
 * The tariff: {@code (baseFee + perZipUnit × |Δzip|) × vehicles}. On Lambda these come from
 * environment variables ({@code ESHOP_SHIPPING_BASE_FEE}, …) like any Spring property.
 *
 * @param baseFee     charged per vehicle whatever the distance (USD)
 * @param perZipUnit  charged per vehicle for each unit of zip-code distance (USD)
 * @param maxVehicles the most vehicles one shipment may carry
 */
@ConfigurationProperties("eshop.shipping")
public record ShippingProperties(
        @DefaultValue("100.00") BigDecimal baseFee,
        @DefaultValue("0.02") BigDecimal perZipUnit,
        @DefaultValue("1000") int maxVehicles) {
}
