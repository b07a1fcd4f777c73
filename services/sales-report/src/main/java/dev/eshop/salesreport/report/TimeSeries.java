package dev.eshop.salesreport.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Figures per period (day, week from Monday, or month), every period of {@code from}–{@code to} present.
 * A point's {@code period_start} is the calendar start of its period (a Monday, the 1st), which for the
 * first point can lie before {@code from}; only days within {@code from}–{@code to} are counted.
 */
public record TimeSeries(LocalDate from, LocalDate to, String granularity, List<Point> points) {

    public record Point(LocalDate periodStart, BigDecimal revenue, long orders, long units, BigDecimal margin) {
    }
}
