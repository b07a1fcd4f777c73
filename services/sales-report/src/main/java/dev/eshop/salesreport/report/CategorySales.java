package dev.eshop.salesreport.report;

import java.math.BigDecimal;
import java.util.UUID;

/** One category's figures in a period; share = its revenue / all revenue, 4 decimals (0 when there is none). */
public record CategorySales(UUID categoryId, String categoryName, BigDecimal revenue, long orders, long units,
                            BigDecimal margin, BigDecimal share) {
}
