package dev.eshop.salesreport.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The figures of a period: revenue = Σ line_total, orders = distinct orders, units = Σ quantity,
 * average order value = revenue / orders (half-up to cents, 0.00 without orders), margin = Σ margin.
 */
public record Summary(LocalDate from, LocalDate to, String currency, BigDecimal revenue, long orders, long units,
                      BigDecimal averageOrderValue, BigDecimal margin) {
}
