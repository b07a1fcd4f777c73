package dev.eshop.salesreport.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers, {@code from} and {@code to} inclusive, in the report zone
 * ({@code eshop.sales.time-zone}). A line belongs to it when its {@code paid_at} is in [{@link #start()}, {@link #end()}).
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    /** The first instant of {@code from} in the zone. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after {@code to} in the zone (exclusive). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** How many days it spans. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
