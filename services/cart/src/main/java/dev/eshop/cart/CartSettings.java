package dev.eshop.cart;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code eshop.cart.*} (spec/services.md §3.7).
 *
 * @param maxQuantityPerLine    the most units of one product a cart may hold
 * @param maxLines              the most products (lines) a cart may hold
 * @param cacheTtl              how long a cart (and a product copy) stays in Redis after it was last written
 * @param cacheEvictionInterval how often the job retries evicting Redis carts whose update failed
 */
@ConfigurationProperties("eshop.cart")
public record CartSettings(@DefaultValue("10") int maxQuantityPerLine,
                           @DefaultValue("20") int maxLines,
                           @DefaultValue("30d") Duration cacheTtl,
                           @DefaultValue("10s") Duration cacheEvictionInterval) {
}
