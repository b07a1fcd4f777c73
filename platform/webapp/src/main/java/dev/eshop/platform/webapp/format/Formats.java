package dev.eshop.platform.webapp.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the pages write money, dates, countdowns, order numbers, quantities and statuses (spec/ui.md
 * §0.3). Templates reach it as {@code @fmt}:
 *
 * <pre>
 * &lt;span th:text="${@fmt.money(order.total)}"&gt;$70,000.00&lt;/span&gt;
 * &lt;time th:datetime="${@fmt.iso(order.createdAt)}" th:text="${@fmt.dateTime(order.createdAt)}"&gt;9 Jan 2025, 08:01&lt;/time&gt;
 * </pre>
 */
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final ZoneId zone;
    private final Clock clock;

    public Formats(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    /** {@code $70,000.00}: en-US, USD, always two decimals; empty for no amount. */
    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat dollars = NumberFormat.getCurrencyInstance(Locale.US);
        dollars.setMinimumFractionDigits(2);
        dollars.setMaximumFractionDigits(2);
        return dollars.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    /** {@code 12,000}: a whole number with thousands separators. */
    public String number(Number value) {
        return value == null ? "" : NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    /** {@code 9 Jan 2025, 08:01} in the app's time zone. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    /** {@code 9 Jan 2025} in the app's time zone. */
    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(zone));
    }

    /** The machine-readable form for {@code <time datetime>}: {@code 2025-01-09T08:01:46Z}. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** The zone's name, written once per page ("Times are in UTC"). */
    public String timeZone() {
        return zone.getId();
    }

    /** Time left until a deadline: "23 h 12 min left", "42 min left", "less than a minute left". */
    public String countdown(Instant deadline) {
        return deadline == null ? "" : countdown(Duration.between(clock.instant(), deadline).toSeconds());
    }

    /** Time left from a number of seconds, as {@link #countdown(Instant)}. */
    public String countdown(long secondsLeft) {
        if (secondsLeft <= 0) {
            return "no time left";
        }
        if (secondsLeft < 60) {
            return "less than a minute left";
        }
        long minutes = secondsLeft / 60;
        if (minutes < 60) {
            return minutes + " min left";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return rest == 0 ? hours + " h left" : hours + " h " + rest + " min left";
    }

    /** {@code #4E5F6A7B}: the last 8 characters of the order id, upper-case. */
    public String orderNumber(Object orderId) {
        if (orderId == null) {
            return "";
        }
        String id = orderId.toString();
        return "#" + id.substring(Math.max(0, id.length() - 8)).toUpperCase(Locale.ROOT);
    }

    /** "1 vehicle", "3 vehicles". */
    public String vehicles(long count) {
        return number(count) + (count == 1 ? " vehicle" : " vehicles");
    }

    public String orderStatus(String status) {
        return orderBadge(status).label();
    }

    public Badge orderBadge(String status) {
        Badge badge = Statuses.ORDER.get(status);
        return badge != null ? badge : Statuses.unknown(status);
    }

    public String paymentStatus(String status) {
        return paymentBadge(status).label();
    }

    public Badge paymentBadge(String status) {
        Badge badge = Statuses.PAYMENT.get(status);
        return badge != null ? badge : Statuses.unknown(status);
    }
}
