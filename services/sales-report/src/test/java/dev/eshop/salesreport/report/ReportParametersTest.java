package dev.eshop.salesreport.report;

import dev.eshop.platform.web.problem.FieldViolation;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import dev.eshop.salesreport.SalesSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The period rules of spec §7.2 and the weeks and months of the time series, without Spring. */
class ReportParametersTest {

    private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

    /** 23:30 UTC on 9 March 2025 is already 10 March in Prague. */
    private final ReportParameters parameters = new ReportParameters(
            new SalesSettings(new BigDecimal("0.15"), PRAGUE, Duration.ofDays(1096), new SalesSettings.Export(100_000)),
            Clock.fixed(Instant.parse("2025-03-09T23:30:00Z"), ZoneId.of("UTC")));

    @ParameterizedTest(name = "from={0} to={1} → {2} to {3}")
    @CsvSource(nullValues = "-", value = {
            "-,          -,          2025-02-09, 2025-03-10",
            "'',         ' ',        2025-02-09, 2025-03-10",
            "2025-03-01, -,          2025-03-01, 2025-03-10",
            "-,          2025-01-31, 2025-01-02, 2025-01-31",
            "2025-03-05, 2025-03-05, 2025-03-05, 2025-03-05",
            "' 2025-01-01 ', 2025-12-31, 2025-01-01, 2025-12-31",
            "2022-01-01, 2024-12-31, 2022-01-01, 2024-12-31"})
    void periods(String from, String to, LocalDate expectedFrom, LocalDate expectedTo) {
        ReportParameters.Check check = parameters.check();
        ReportPeriod period = check.period(from, to);
        check.done();
        assertThat(period).isEqualTo(new ReportPeriod(expectedFrom, expectedTo, PRAGUE));
    }

    @Test
    void aPeriodRunsFromMidnightToMidnightInTheReportZone() {
        ReportPeriod march = new ReportPeriod(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"), PRAGUE);
        assertThat(march.start()).isEqualTo(Instant.parse("2025-02-28T23:00:00Z"));
        assertThat(march.end()).as("summer time from 30 March").isEqualTo(Instant.parse("2025-03-31T22:00:00Z"));
        assertThat(march.days()).isEqualTo(31);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "from=2025-02-29                    | from",
            "from=2025-03-02,to=2025-03-01      | from",
            "from=2022-01-01,to=2025-01-01      | to",
            "from=x,to=y                        | from to",
            "granularity=hour                   | granularity",
            "by=margin                          | by",
            "limit=0                            | limit",
            "limit=51                           | limit",
            "limit=1.5                          | limit",
            "from=x,granularity=x,by=x,limit=x  | by from granularity limit"})
    void badValuesAreNamed(String values, String fields) {
        Map<String, String> given = new HashMap<>();
        for (String pair : values.strip().split(",")) {
            given.put(pair.split("=")[0], pair.split("=")[1]);
        }
        ReportParameters.Check check = parameters.check();
        check.period(given.get("from"), given.get("to"));
        check.granularity(given.get("granularity"));
        check.by(given.get("by"));
        check.limit(given.get("limit"));
        assertThatThrownBy(check::done).isInstanceOfSatisfying(InvalidFieldsException.class, problem -> {
            @SuppressWarnings("unchecked")
            List<FieldViolation> errors = (List<FieldViolation>) problem.members().get("errors");
            assertThat(errors).extracting(FieldViolation::field).containsExactly(fields.strip().split(" "));
        });
    }

    @Test
    void choicesHaveDefaultsAndIgnoreCase() {
        ReportParameters.Check check = parameters.check();
        assertThat(check.granularity(null)).isEqualTo(Granularity.DAY);
        assertThat(check.granularity("Month")).isEqualTo(Granularity.MONTH);
        assertThat(check.by("")).isEqualTo(ReportParameters.TopBy.REVENUE);
        assertThat(check.by("UNITS")).isEqualTo(ReportParameters.TopBy.UNITS);
        assertThat(check.limit(null)).isEqualTo(10);
        assertThat(check.limit("50")).isEqualTo(50);
        check.done();
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource({
            "WEEK,  2025-03-01, 2025-02-24",
            "WEEK,  2025-03-02, 2025-02-24",
            "WEEK,  2025-03-03, 2025-03-03",
            "WEEK,  2024-12-31, 2024-12-30",
            "MONTH, 2024-02-29, 2024-02-01",
            "DAY,   2025-03-09, 2025-03-09"})
    void periodsStartOnMondaysAndFirstsOfMonths(Granularity granularity, LocalDate day, LocalDate start) {
        assertThat(granularity.start(day)).isEqualTo(start);
    }
}
