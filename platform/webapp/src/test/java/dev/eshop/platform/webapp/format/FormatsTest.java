package dev.eshop.platform.webapp.format;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The formats of spec/ui.md §0.3. */
class FormatsTest {

    private static final Instant NOW = Instant.parse("2025-01-09T08:01:46Z");

    private final Formats utc = new Formats(ZoneId.of("UTC"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void moneyIsUsDollarsWithTwoDecimals() {
        assertThat(utc.money(new BigDecimal("70000"))).isEqualTo("$70,000.00");
        assertThat(utc.money(new BigDecimal("1159400.00"))).isEqualTo("$1,159,400.00");
        assertThat(utc.money(new BigDecimal("105"))).isEqualTo("$105.00");
        assertThat(utc.money(new BigDecimal("9199.5"))).isEqualTo("$9,199.50");
        assertThat(utc.money(new BigDecimal("0.005"))).isEqualTo("$0.01");
        assertThat(utc.money(BigDecimal.ZERO)).isEqualTo("$0.00");
        assertThat(utc.money(null)).isEmpty();
    }

    @Test
    void datesAreDayMonthYearAndTimeInTheConfiguredZone() {
        assertThat(utc.dateTime(NOW)).isEqualTo("9 Jan 2025, 08:01");
        assertThat(utc.date(NOW)).isEqualTo("9 Jan 2025");
        assertThat(utc.iso(NOW)).isEqualTo("2025-01-09T08:01:46Z");
        assertThat(utc.timeZone()).isEqualTo("UTC");

        Formats newYork = new Formats(ZoneId.of("America/New_York"), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(newYork.dateTime(NOW)).isEqualTo("9 Jan 2025, 03:01");
        assertThat(newYork.date(Instant.parse("2025-01-10T02:00:00Z"))).isEqualTo("9 Jan 2025");
        assertThat(newYork.iso(NOW)).as("the machine-readable time stays UTC").isEqualTo("2025-01-09T08:01:46Z");
        assertThat(utc.dateTime(null)).isEmpty();
    }

    @Test
    void countdownsSayHoursAndMinutesLeft() {
        assertThat(utc.countdown(23 * 3600 + 12 * 60 + 59)).isEqualTo("23 h 12 min left");
        assertThat(utc.countdown(24 * 3600)).isEqualTo("24 h left");
        assertThat(utc.countdown(42 * 60 + 5)).isEqualTo("42 min left");
        assertThat(utc.countdown(59)).isEqualTo("less than a minute left");
        assertThat(utc.countdown(0)).isEqualTo("no time left");
        assertThat(utc.countdown(NOW.plusSeconds(3600 + 60))).isEqualTo("1 h 1 min left");
        assertThat(utc.countdown(NOW.minusSeconds(10))).isEqualTo("no time left");
    }

    @Test
    void orderNumbersAreTheLastEightCharactersUpperCase() {
        assertThat(utc.orderNumber(UUID.fromString("0193a4b0-1111-7000-8000-00004e5f6a7b"))).isEqualTo("#4E5F6A7B");
        assertThat(utc.orderNumber("abc")).isEqualTo("#ABC");
    }

    @Test
    void quantitiesAreVehicles() {
        assertThat(utc.vehicles(1)).isEqualTo("1 vehicle");
        assertThat(utc.vehicles(3)).isEqualTo("3 vehicles");
        assertThat(utc.vehicles(0)).isEqualTo("0 vehicles");
        assertThat(utc.vehicles(1200)).isEqualTo("1,200 vehicles");
        assertThat(utc.number(12000)).isEqualTo("12,000");
    }

    @Test
    void orderAndPaymentStatusesHaveTheirLabelsAndBadges() {
        assertThat(utc.orderStatus("PENDING_PAYMENT")).isEqualTo("Awaiting payment");
        assertThat(utc.orderStatus("PAYMENT_SUBMITTED")).isEqualTo("Payment under review");
        assertThat(utc.orderStatus("PAID")).isEqualTo("Paid");
        assertThat(utc.orderStatus("ON_DELIVERY")).isEqualTo("On delivery");
        assertThat(utc.orderStatus("DELIVERED")).isEqualTo("Delivered");
        assertThat(utc.orderStatus("REJECTED")).isEqualTo("Payment rejected");
        assertThat(utc.orderStatus("EXPIRED")).isEqualTo("Expired");
        assertThat(utc.orderStatus("CANCELLED")).isEqualTo("Cancelled");
        assertThat(utc.orderBadge("PENDING_PAYMENT")).isEqualTo(new Badge("Awaiting payment", "amber", "◷"));
        assertThat(utc.orderBadge("DELIVERED").tone()).isEqualTo("green");
        assertThat(utc.orderBadge("REJECTED").tone()).isEqualTo("red");
        assertThat(utc.orderBadge("EXPIRED").tone()).isEqualTo("grey");

        assertThat(utc.paymentStatus("PENDING")).isEqualTo("Under review");
        assertThat(utc.paymentStatus("APPROVED")).isEqualTo("Approved");
        assertThat(utc.paymentStatus("REJECTED")).isEqualTo("Rejected");
        assertThat(utc.paymentBadge("APPROVED").tone()).isEqualTo("green");

        assertThat(utc.orderStatus("ON_HOLD")).as("a status this app does not know yet still reads").isEqualTo("On hold");
    }
}
