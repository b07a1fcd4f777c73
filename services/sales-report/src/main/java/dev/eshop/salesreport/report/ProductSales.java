package dev.eshop.salesreport.report;

import java.math.BigDecimal;
import java.util.UUID;

/** One product's figures in a period, with its latest name and category name in the period. */
public record ProductSales(UUID productId, String productName, String categoryName, BigDecimal revenue, long units, long orders,
                           BigDecimal margin) {
}
