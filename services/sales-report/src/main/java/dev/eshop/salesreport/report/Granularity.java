package dev.eshop.salesreport.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The periods of a time series: calendar days, weeks starting Monday, calendar months. */
public enum Granularity {

    DAY {
        @Override
        public LocalDate start(LocalDate day) {
            return day;
        }

        @Override
        LocalDate next(LocalDate start) {
            return start.plusDays(1);
        }
    },
    WEEK {
        @Override
        public LocalDate start(LocalDate day) {
            return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        @Override
        LocalDate next(LocalDate start) {
            return start.plusWeeks(1);
        }
    },
    MONTH {
        @Override
        public LocalDate start(LocalDate day) {
            return day.withDayOfMonth(1);
        }

        @Override
        LocalDate next(LocalDate start) {
            return start.plusMonths(1);
        }
    };

    /** The first day of the period holding {@code day}. */
    public abstract LocalDate start(LocalDate day);

    /** The start of the period after the one starting on {@code start}. */
    abstract LocalDate next(LocalDate start);

    /** The name in requests and responses: {@code day}, {@code week}, {@code month}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
