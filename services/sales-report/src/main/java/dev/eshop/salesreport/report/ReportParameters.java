package dev.eshop.salesreport.report;

import dev.eshop.platform.web.problem.FieldViolation;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import dev.eshop.salesreport.SalesSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads the query parameters of the reports (spec services.md §7.2, §7.3) and collects what is wrong
 * with them, so one 400 {@code validation} problem names every bad field: a malformed date, {@code from}
 * after {@code to}, a period longer than {@code eshop.sales.max-range}, an unknown {@code granularity}
 * or {@code by}, a {@code limit} outside 1–50. Blank values count as absent.
 *
 * <pre>
 * ReportParameters.Check check = parameters.check();
 * ReportPeriod period = check.period(from, to);
 * Granularity granularity = check.granularity(value);
 * check.done();   // throws InvalidFieldsException naming every bad field
 * </pre>
 */
@Component
public class ReportParameters {

    /** Days in the default period: the last 30 days ending today. */
    static final int DEFAULT_DAYS = 30;

    static final int MAX_LIMIT = 50;

    static final int DEFAULT_LIMIT = 10;

    private final SalesSettings settings;
    private final Clock clock;

    @Autowired
    ReportParameters(SalesSettings settings) {
        this(settings, Clock.system(settings.timeZone()));
    }

    ReportParameters(SalesSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock.withZone(settings.timeZone());
    }

    public Check check() {
        return new Check();
    }

    /** The filters of the sales list and the exports; throws a 400 problem naming every bad field. */
    public SalesFilter filter(String from, String to, UUID categoryId, UUID productId, UUID orderId) {
        Check check = check();
        ReportPeriod period = check.period(from, to);
        check.done();
        return new SalesFilter(period, categoryId, productId, orderId);
    }

    /** What a top-products list is ordered by. */
    public enum TopBy {
        REVENUE, UNITS
    }

    /** The checks of one request; {@link #done()} throws when any failed. */
    public final class Check {

        private final List<FieldViolation> errors = new ArrayList<>();

        private Check() {
        }

        /**
         * The period of {@code from} and {@code to}: {@code to} defaults to today, {@code from} to 29 days
         * before {@code to}. Null when either is malformed (the error is recorded).
         */
        public ReportPeriod period(String from, String to) {
            LocalDate first = date("from", from);
            LocalDate last = date("to", to);
            if (errors.stream().anyMatch(error -> error.field().equals("from") || error.field().equals("to"))) {
                return null;
            }
            if (last == null) {
                last = LocalDate.now(clock);
            }
            if (first == null) {
                first = last.minusDays(DEFAULT_DAYS - 1);
            }
            ReportPeriod period = new ReportPeriod(first, last, settings.timeZone());
            if (first.isAfter(last)) {
                errors.add(new FieldViolation("from", "must not be after to (" + last + ")"));
                return null;
            }
            if (period.days() > settings.maxDays()) {
                errors.add(new FieldViolation("to", "must be at most %d days after from: a period spans at most %d days (got %d)"
                        .formatted(settings.maxDays() - 1, settings.maxDays(), period.days())));
                return null;
            }
            return period;
        }

        /** {@code day} (default), {@code week} or {@code month}. */
        public Granularity granularity(String value) {
            return choice("granularity", value, Granularity.class, Granularity.DAY);
        }

        /** {@code revenue} (default) or {@code units}. */
        public TopBy by(String value) {
            return choice("by", value, TopBy.class, TopBy.REVENUE);
        }

        /** A whole number 1–50, default 10. */
        public int limit(String value) {
            if (value == null || value.isBlank()) {
                return DEFAULT_LIMIT;
            }
            try {
                int limit = Integer.parseInt(value.strip());
                if (limit >= 1 && limit <= MAX_LIMIT) {
                    return limit;
                }
            }
            catch (NumberFormatException ignored) {
                // recorded below
            }
            errors.add(new FieldViolation("limit", "must be a whole number between 1 and " + MAX_LIMIT + " (got '" + value + "')"));
            return DEFAULT_LIMIT;
        }

        /** Throws a 400 {@code validation} problem naming every bad field, if there is one. */
        public void done() {
            if (!errors.isEmpty()) {
                // In field order, as the platform lists Bean Validation's errors.
                throw new InvalidFieldsException(errors.stream().sorted(Comparator.comparing(FieldViolation::field)).toList());
            }
        }

        private LocalDate date(String field, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(value.strip());
            }
            catch (DateTimeParseException e) {
                errors.add(new FieldViolation(field, "must be a date like 2025-01-31 (got '" + value + "')"));
                return null;
            }
        }

        private <E extends Enum<E>> E choice(String field, String value, Class<E> type, E byDefault) {
            if (value == null || value.isBlank()) {
                return byDefault;
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value.strip())) {
                    return constant;
                }
            }
            errors.add(new FieldViolation(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                    + " (got '" + value + "')"));
            return byDefault;
        }
    }
}
