package dev.eshop.salesreport.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A recorded order line, as the list and the exports show it. */
public record SaleLine(UUID orderId, UUID userId, UUID productId, String productName, UUID categoryId, String categoryName,
                       int quantity, BigDecimal unitPrice, BigDecimal lineTotal, BigDecimal marginRate, BigDecimal margin,
                       Instant paidAt) {
}
