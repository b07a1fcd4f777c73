package dev.eshop.salesreport;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;

/**
 * {@code eshop.sales.*} (spec services.md §7.5). Checked at start-up: a service with a margin rate
 * the table cannot store, or a period limit below one day, does not start.
 *
 * @param marginRate share of a line's total counted as margin, 0–1 with at most 4 decimals
 * @param timeZone   the zone of report days: {@code from}/{@code to}, the day of a sale, weeks and months
 * @param maxRange   the longest period a report or export may span ({@code from} and {@code to} inclusive), whole days
 * @param export     export limits
 */
@ConfigurationProperties("eshop.sales")
public record SalesSettings(@DefaultValue("0.15") BigDecimal marginRate, @DefaultValue("UTC") ZoneId timeZone,
                            @DefaultValue("P1096D") Duration maxRange, @DefaultValue Export export) {

    /** @param maxRows the most rows one CSV or XLSX export may have */
    public record Export(@DefaultValue("100000") int maxRows) {

        public Export {
            if (maxRows < 1) {
                throw new IllegalArgumentException("eshop.sales.export.max-rows must be at least 1, was " + maxRows);
            }
        }
    }

    public SalesSettings {
        if (marginRate.signum() < 0 || marginRate.compareTo(BigDecimal.ONE) > 0 || marginRate.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException("eshop.sales.margin-rate must be between 0 and 1 with at most 4 decimals, was "
                    + marginRate.toPlainString());
        }
        marginRate = marginRate.setScale(4);
        if (maxRange.toDays() < 1 || !maxRange.equals(Duration.ofDays(maxRange.toDays()))) {
            throw new IllegalArgumentException("eshop.sales.max-range must be a whole number of days (e.g. P1096D), was " + maxRange);
        }
    }

    /** {@link #maxRange()} in days. */
    public long maxDays() {
        return maxRange.toDays();
    }
}
