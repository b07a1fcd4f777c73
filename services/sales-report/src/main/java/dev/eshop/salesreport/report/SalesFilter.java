package dev.eshop.salesreport.report;

import java.util.UUID;

/** The filters of the sales list and the exports: a period, and optionally one category, product or order ({@code null} = any). */
public record SalesFilter(ReportPeriod period, UUID categoryId, UUID productId, UUID orderId) {
}
