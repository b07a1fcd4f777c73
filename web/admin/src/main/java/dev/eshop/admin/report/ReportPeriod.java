package dev.eshop.admin.report;

import dev.eshop.admin.site.Dates;
import dev.eshop.platform.webapp.page.FormErrors;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The period of a sales report (spec/ui.md §2.11): a preset (Today, Last 7 days, Last 30 days — the
 * default —, This month, This year) or custom dates, both days included, in the shop's time zone.
 */
record ReportPeriod(String preset, LocalDate from, LocalDate to) {

    static final String CUSTOM = "custom";
    /** Sales-report answers at most three years at once. */
    static final long MAX_DAYS = 1096;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** A preset as the page offers it. */
    record Preset(String value, String label) {
    }

    static final List<Preset> PRESETS = List.of(new Preset("today", "Today"), new Preset("last-7-days", "Last 7 days"),
            new Preset("last-30-days", "Last 30 days"), new Preset("this-month", "This month"), new Preset("this-year", "This year"));

    /**
     * The period the parameters name: dates when either is given (the other defaulting to 30 days
     * before or to today), else the preset. Dates that cannot be used are reported on their fields.
     */
    static ReportPeriod of(String preset, String fromText, String toText, LocalDate today, FormErrors errors) {
        if ((fromText != null && !fromText.isBlank()) || (toText != null && !toText.isBlank())) {
            LocalDate from = Dates.read(fromText, "from", errors);
            LocalDate to = Dates.read(toText, "to", errors);
            if (!errors.isEmpty()) {
                return null;
            }
            to = to == null ? today : to;
            from = from == null ? to.minusDays(29) : from;
            if (!Dates.ordered(from, to, "from", errors)) {
                return null;
            }
            if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                errors.field("from", "Choose a period of at most 3 years.");
                return null;
            }
            return new ReportPeriod(CUSTOM, from, to);
        }
        return switch (preset == null ? "" : preset) {
            case "today" -> new ReportPeriod("today", today, today);
            case "last-7-days" -> new ReportPeriod("last-7-days", today.minusDays(6), today);
            case "this-month" -> new ReportPeriod("this-month", today.withDayOfMonth(1), today);
            case "this-year" -> new ReportPeriod("this-year", today.withDayOfYear(1), today);
            default -> new ReportPeriod("last-30-days", today.minusDays(29), today);
        };
    }

    /** How the chart's summary names the period: "the last 30 days", "1 Jan 2025 – 31 Jan 2025". */
    String phrase() {
        return switch (preset) {
            case "today" -> "today";
            case "last-7-days" -> "the last 7 days";
            case "last-30-days" -> "the last 30 days";
            case "this-month" -> "this month";
            case "this-year" -> "this year";
            default -> DAY.format(from) + " – " + DAY.format(to);
        };
    }

    /** "1 Jan 2025 – 31 Jan 2025", or one day. */
    public String label() {
        return from.equals(to) ? DAY.format(from) : DAY.format(from) + " – " + DAY.format(to);
    }
}
