package dev.eshop.salesreport.recording;

import dev.eshop.salesreport.SalesSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** margin = line_total × rate, half-up to cents; the settings a service refuses to start with. */
class MarginTest {

    @ParameterizedTest(name = "{0} × {1} = {2}")
    @CsvSource({
            "30000.90, 0.1500, 4500.14",
            "49999.99, 0.1500, 7500.00",
            "10000.30, 0.1500, 1500.05",
            "0.10,     0.1500, 0.02",
            "0.03,     0.1500, 0.00",
            "70000.00, 0.1234, 8638.00",
            "12345.67, 0.0000, 0.00"})
    void marginIsTheRateOfTheLineTotalRoundedHalfUp(String lineTotal, String rate, String margin) {
        assertThat(SaleRecorder.margin(new BigDecimal(lineTotal), new BigDecimal(rate))).isEqualTo(new BigDecimal(margin));
    }

    @Test
    void settingsOutsideTheirRangeAreRefused() {
        SalesSettings.Export export = new SalesSettings.Export(10);
        ZoneId utc = ZoneId.of("UTC");
        assertThat(new SalesSettings(new BigDecimal("0.15"), utc, Duration.ofDays(1096), export).marginRate()).isEqualTo(new BigDecimal("0.1500"));
        assertThatThrownBy(() -> new SalesSettings(new BigDecimal("0.12345"), utc, Duration.ofDays(1), export))
                .hasMessageContaining("margin-rate");
        assertThatThrownBy(() -> new SalesSettings(new BigDecimal("1.5"), utc, Duration.ofDays(1), export)).hasMessageContaining("margin-rate");
        assertThatThrownBy(() -> new SalesSettings(new BigDecimal("0.15"), utc, Duration.ofHours(36), export)).hasMessageContaining("max-range");
        assertThatThrownBy(() -> new SalesSettings.Export(0)).hasMessageContaining("max-rows");
        assertThatThrownBy(() -> Rollups.databaseZoneName(ZoneOffset.ofHours(2))).hasMessageContaining("region");
        assertThat(Rollups.databaseZoneName(ZoneOffset.UTC)).isEqualTo("UTC");
        assertThat(Rollups.databaseZoneName(ZoneId.of("America/New_York"))).isEqualTo("America/New_York");
    }
}
