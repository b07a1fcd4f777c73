package dev.eshop.admin.report;

import dev.eshop.platform.webapp.format.Formats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A revenue bar chart as the page holds it (spec/ui.md §2.3): one row per period in a table, which
 * admin.js draws with Chart.js, and a one-sentence summary that labels the canvas.
 */
public record RevenueChart(List<Bar> points, String summary) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    /** One bar: "9 Jan", "Week of 6 Jan", "Jan 2025". */
    public record Bar(String label, BigDecimal revenue, long orders) {
    }

    /** The chart of a time series; {@code period} names it in the summary ("the last 30 days"). */
    public static RevenueChart of(SalesReports.TimeSeries series, String period, Formats fmt) {
        String granularity = series.granularity() == null ? "day" : series.granularity();
        List<Bar> bars = series.points().stream()
                .map(point -> new Bar(label(point.periodStart(), granularity), point.revenue(), point.orders()))
                .toList();
        BigDecimal revenue = series.points().stream().map(SalesReports.Point::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        long orders = series.points().stream().mapToLong(SalesReports.Point::orders).sum();
        if (revenue.signum() == 0) {
            return new RevenueChart(bars, "Revenue over " + period + ": no sales.");
        }
        SalesReports.Point best = series.points().stream().max(Comparator.comparing(SalesReports.Point::revenue)).orElseThrow();
        String unit = switch (granularity) {
            case "week" -> "week";
            case "month" -> "month";
            default -> "day";
        };
        return new RevenueChart(bars, "Revenue over " + period + ": " + fmt.money(revenue) + " from " + orders
                + (orders == 1 ? " order" : " orders") + "; the best " + unit + " was " + label(best.periodStart(), granularity)
                + " with " + fmt.money(best.revenue()) + ".");
    }

    static String label(LocalDate start, String granularity) {
        return switch (granularity) {
            case "week" -> "Week of " + DAY.format(start);
            case "month" -> MONTH.format(start);
            default -> DAY.format(start);
        };
    }
}
