package dev.eshop.salesreport;

import dev.eshop.platform.events.order.SaleCreated;
import dev.eshop.salesreport.recording.Rollups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report figures for a seeded month (March 2025, zone UTC) against values worked out by hand and
 * written into the tables below — nothing here is computed by the code under test: summary, daily,
 * weekly and monthly series with their empty periods, categories and their shares, top products by
 * revenue and by units, the paged list with its filters and sorts, and the 400s that name the bad field.
 * <p>
 * The month, as order publishes it (O1 and O9 fall just outside, O2 and O8 on its first and last instants):
 * <pre>
 * order  paid_at (UTC)             lines: product × quantity @ unit price = line total (margin 15 %, half-up)
 * O1     2025-02-28 23:59:59       B×1 @ 30000.00 = 30000.00 (4500.00)
 * O2     2025-03-01 00:00:00       A×1 @ 50000.00 = 50000.00 (7500.00); C×2 @ 12000.00 = 24000.00 (3600.00)
 * O3     2025-03-03 10:00 (Mon)    B×2 @ 30000.00 = 60000.00 (9000.00)
 * O4     2025-03-03 18:30          C×1 @ 12000.00 = 12000.00 (1800.00); D×1 @ 25000.00 = 25000.00 (3750.00)
 * O5     2025-03-09 23:00 (Sun)    D×3 @ 25000.00 = 75000.00 (11250.00)
 * O6     2025-03-10 08:00 (Mon)    A×1 @ 49999.99 = 49999.99 (7499.9985 → 7500.00); B×1 @ 30000.00 = 30000.00 (4500.00)
 * O7     2025-03-17 12:00          C×1 @ 10000.30 = 10000.30 (1500.045 → 1500.05), C renamed "Ducati Monster SP",
 *                                  its category renamed "Naked bikes"
 * O8     2025-03-31 23:59:59.999   B×1 @ 30000.00 = 30000.00 (4500.00); D×2 @ 25000.00 = 50000.00 (7500.00)
 * O9     2025-04-01 00:00:00       A×2 @ 50000.00 = 100000.00 (15000.00)
 * A Mazda CX-60 (SUV), B Toyota RAV4 (SUV), C Ducati Monster (Naked), D Honda Civic (Sedan)
 * </pre>
 */
class SalesReportsTest extends SalesReportTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    static final UUID SUV = UUID.fromString("0195c000-0000-7000-8000-0000000000c1");
    static final UUID NAKED = UUID.fromString("0195c000-0000-7000-8000-0000000000c2");
    static final UUID SEDAN = UUID.fromString("0195c000-0000-7000-8000-0000000000c3");

    /** Labels of products and orders, for readable expectations. */
    static final Map<String, UUID> IDS = new LinkedHashMap<>();

    static {
        for (String product : List.of("A", "B", "C", "D")) {
            IDS.put(product, UUID.fromString("0195b000-0000-7000-8000-00000000000" + product.toLowerCase()));
        }
        for (int order = 1; order <= 9; order++) {
            IDS.put("O" + order, UUID.fromString("0195a000-0000-7000-8000-00000000000" + order));
        }
    }

    private static boolean seeded;

    @Autowired
    Rollups rollups;

    @BeforeEach
    void seedTheMonth() {
        if (seeded) {
            return;
        }
        UUID user = UUID.fromString("0195d000-0000-7000-8000-000000000001");
        record(order("O1", user, "2025-02-28T23:59:59Z", b(1, "30000.00")),
                order("O2", user, "2025-03-01T00:00:00Z", a(1, "50000.00"), c("Ducati Monster", "Naked", 2, "12000.00")),
                order("O3", user, "2025-03-03T10:00:00Z", b(2, "30000.00")),
                order("O4", user, "2025-03-03T18:30:00Z", c("Ducati Monster", "Naked", 1, "12000.00"), d(1)),
                order("O5", user, "2025-03-09T23:00:00Z", d(3)),
                order("O6", user, "2025-03-10T08:00:00Z", a(1, "49999.99"), b(1, "30000.00")),
                order("O7", user, "2025-03-17T12:00:00Z", c("Ducati Monster SP", "Naked bikes", 1, "10000.30")),
                order("O8", user, "2025-03-31T23:59:59.999Z", b(1, "30000.00"), d(2)),
                order("O9", user, "2025-04-01T00:00:00Z", a(2, "50000.00")));
        seeded = true;
    }

    private static SaleCreated order(String label, UUID user, String paidAt, SaleCreated.Item... items) {
        return sale(IDS.get(label), user, paidAt, items);
    }

    private static SaleCreated.Item a(int quantity, String price) {
        return item(IDS.get("A"), "Mazda CX-60", SUV, "SUV", quantity, price);
    }

    private static SaleCreated.Item b(int quantity, String price) {
        return item(IDS.get("B"), "Toyota RAV4", SUV, "SUV", quantity, price);
    }

    private static SaleCreated.Item c(String name, String category, int quantity, String price) {
        return item(IDS.get("C"), name, NAKED, category, quantity, price);
    }

    private static SaleCreated.Item d(int quantity) {
        return item(IDS.get("D"), "Honda Civic", SEDAN, "Sedan", quantity, "25000.00");
    }

    // Summary

    @ParameterizedTest(name = "{0} to {1}: revenue {2}, orders {3}, units {4}, AOV {5}, margin {6}")
    @CsvSource({
            // from,     to,          revenue,   orders, units, average order value, margin
            "2025-03-01, 2025-03-31, 416000.29, 7, 16, 59428.61, 62400.05",
            "2025-02-28, 2025-04-01, 546000.29, 9, 19, 60666.70, 81900.05",
            "2025-03-03, 2025-03-03, 97000.00, 2, 4, 48500.00, 14550.00",
            "2025-03-04, 2025-03-08, 0.00, 0, 0, 0.00, 0.00",
            "2025-03-10, 2025-03-31, 170000.29, 3, 6, 56666.76, 25500.05",
            "2025-02-28, 2025-02-28, 30000.00, 1, 1, 30000.00, 4500.00",
            "2025-03-31, 2025-03-31, 80000.00, 1, 3, 80000.00, 12000.00",
            "2025-04-01, 2025-04-01, 100000.00, 1, 2, 100000.00, 15000.00",
            "2022-04-02, 2025-04-01, 546000.29, 9, 19, 60666.70, 81900.05"})
    void summary(String from, String to, String revenue, long orders, long units, String average, String margin) {
        JsonNode summary = json("/v1/sales/summary?from=" + from + "&to=" + to);
        assertThat(figures(summary, "from", "to", "currency", "revenue", "orders", "units", "average_order_value", "margin"))
                .isEqualTo("from=%s to=%s currency=USD revenue=%s orders=%d units=%d average_order_value=%s margin=%s"
                        .formatted(from, to, revenue, orders, units, average, margin));
    }

    @Test
    void withoutDatesTheSummaryCoversTheLast30DaysEndingToday() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode summary = json("/v1/sales/summary");
        assertThat(summary.get("to").asString()).isEqualTo(today.toString());
        assertThat(summary.get("from").asString()).isEqualTo(today.minusDays(29).toString());
        JsonNode series = json("/v1/sales/timeseries?from=" + today.minusDays(3));
        assertThat(series.get("granularity").asString()).isEqualTo("day");
        assertThat(series.get("points").size()).isEqualTo(4);
    }

    // Time series

    static Stream<Arguments> timeSeries() {
        return Stream.of(
                Arguments.of("day", "2025-03-01", "2025-03-10", List.of(
                        "2025-03-01 74000.00 1 3 11100.00",
                        "2025-03-02 0.00 0 0 0.00",
                        "2025-03-03 97000.00 2 4 14550.00",
                        "2025-03-04 0.00 0 0 0.00",
                        "2025-03-05 0.00 0 0 0.00",
                        "2025-03-06 0.00 0 0 0.00",
                        "2025-03-07 0.00 0 0 0.00",
                        "2025-03-08 0.00 0 0 0.00",
                        "2025-03-09 75000.00 1 3 11250.00",
                        "2025-03-10 79999.99 1 2 12000.00")),
                // Weeks start on Monday; the first (from 24 February) counts only 1 and 2 March.
                Arguments.of("week", "2025-03-01", "2025-03-31", List.of(
                        "2025-02-24 74000.00 1 3 11100.00",
                        "2025-03-03 172000.00 3 7 25800.00",
                        "2025-03-10 79999.99 1 2 12000.00",
                        "2025-03-17 10000.30 1 1 1500.05",
                        "2025-03-24 0.00 0 0 0.00",
                        "2025-03-31 80000.00 1 3 12000.00")),
                Arguments.of("week", "2025-02-28", "2025-03-02", List.of(
                        "2025-02-24 104000.00 2 4 15600.00")),
                Arguments.of("month", "2025-01-01", "2025-04-30", List.of(
                        "2025-01-01 0.00 0 0 0.00",
                        "2025-02-01 30000.00 1 1 4500.00",
                        "2025-03-01 416000.29 7 16 62400.05",
                        "2025-04-01 100000.00 1 2 15000.00")),
                Arguments.of("month", "2025-03-10", "2025-03-31", List.of(
                        "2025-03-01 170000.29 3 6 25500.05")));
    }

    @ParameterizedTest(name = "{0} from {1} to {2}")
    @MethodSource
    void timeSeries(String granularity, String from, String to, List<String> expected) {
        JsonNode series = json("/v1/sales/timeseries?from=" + from + "&to=" + to + "&granularity=" + granularity);
        assertThat(figures(series, "from", "to", "granularity")).isEqualTo("from=%s to=%s granularity=%s".formatted(from, to, granularity));
        List<String> points = new ArrayList<>();
        series.get("points").forEach(point -> points.add(values(point, "period_start", "revenue", "orders", "units", "margin")));
        assertThat(points).containsExactlyElementsOf(expected);
    }

    // By category

    static Stream<Arguments> byCategory() {
        return Stream.of(
                Arguments.of("2025-03-01", "2025-03-31", List.of(
                        SUV + " SUV 219999.99 4 6 33000.00 0.5288",
                        SEDAN + " Sedan 150000.00 3 6 22500.00 0.3606",
                        NAKED + " Naked bikes 46000.30 3 4 6900.05 0.1106")),
                // Before the category was renamed (17 March) it is shown under its name of then.
                Arguments.of("2025-03-01", "2025-03-10", List.of(
                        SUV + " SUV 189999.99 3 5 28500.00 0.5828",
                        SEDAN + " Sedan 100000.00 2 4 15000.00 0.3067",
                        NAKED + " Naked 36000.00 2 3 5400.00 0.1104")),
                Arguments.of("2025-03-04", "2025-03-08", List.of()));
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource
    void byCategory(String from, String to, List<String> expected) {
        List<String> items = new ArrayList<>();
        json("/v1/sales/by-category?from=" + from + "&to=" + to).get("items").forEach(item ->
                items.add(values(item, "category_id", "category_name", "revenue", "orders", "units", "margin", "share")));
        assertThat(items).containsExactlyElementsOf(expected);
    }

    // Top products

    static Stream<Arguments> topProducts() {
        return Stream.of(
                Arguments.of("from=2025-03-01&to=2025-03-31", List.of(
                        "D Honda Civic Sedan 150000.00 6 3 22500.00",
                        "B Toyota RAV4 SUV 120000.00 4 3 18000.00",
                        "A Mazda CX-60 SUV 99999.99 2 2 15000.00",
                        "C Ducati Monster SP Naked bikes 46000.30 4 3 6900.05")),
                // B and C sold 4 units each: B's larger revenue puts it first.
                Arguments.of("from=2025-03-01&to=2025-03-31&by=units", List.of(
                        "D Honda Civic Sedan 150000.00 6 3 22500.00",
                        "B Toyota RAV4 SUV 120000.00 4 3 18000.00",
                        "C Ducati Monster SP Naked bikes 46000.30 4 3 6900.05",
                        "A Mazda CX-60 SUV 99999.99 2 2 15000.00")),
                Arguments.of("from=2025-03-01&to=2025-03-31&by=units&limit=2", List.of(
                        "D Honda Civic Sedan 150000.00 6 3 22500.00",
                        "B Toyota RAV4 SUV 120000.00 4 3 18000.00")),
                Arguments.of("from=2025-03-01&to=2025-03-10&by=revenue&limit=50", List.of(
                        "D Honda Civic Sedan 100000.00 4 2 15000.00",
                        "A Mazda CX-60 SUV 99999.99 2 2 15000.00",
                        "B Toyota RAV4 SUV 90000.00 3 2 13500.00",
                        "C Ducati Monster Naked 36000.00 3 2 5400.00")),
                // Whole months (February, March) plus days before and after them.
                Arguments.of("from=2025-01-15&to=2025-04-01", List.of(
                        "A Mazda CX-60 SUV 199999.99 4 3 30000.00",
                        // B and D both 150000.00: D's 6 units put it first.
                        "D Honda Civic Sedan 150000.00 6 3 22500.00",
                        "B Toyota RAV4 SUV 150000.00 5 4 22500.00",
                        "C Ducati Monster SP Naked bikes 46000.30 4 3 6900.05")),
                Arguments.of("from=2025-02-28&to=2025-03-31&by=units", List.of(
                        "D Honda Civic Sedan 150000.00 6 3 22500.00",
                        "B Toyota RAV4 SUV 150000.00 5 4 22500.00",
                        "C Ducati Monster SP Naked bikes 46000.30 4 3 6900.05",
                        "A Mazda CX-60 SUV 99999.99 2 2 15000.00")),
                Arguments.of("from=2025-03-04&to=2025-03-08", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void topProducts(String query, List<String> expected) {
        List<String> items = new ArrayList<>();
        json("/v1/sales/top-products?" + query).get("items").forEach(item -> items.add(label(item.get("product_id").asString())
                + " " + values(item, "product_name", "category_name", "revenue", "units", "orders", "margin")));
        assertThat(items).containsExactlyElementsOf(expected);
    }

    // The list

    static Stream<Arguments> lines() {
        String march = "from=2025-03-01&to=2025-03-31";
        return Stream.of(
                Arguments.of(march + "&size=3", 11, "O8:D O8:B O7:C"),
                Arguments.of(march + "&size=3&page=1", 11, "O6:B O6:A O5:D"),
                Arguments.of(march + "&size=3&page=3", 11, "O2:C O2:A"),
                Arguments.of(march + "&size=3&page=4", 11, ""),
                Arguments.of(march + "&size=4&sort=paid_at,asc", 11, "O2:A O2:C O3:B O4:C"),
                Arguments.of(march + "&size=5&sort=line_total,desc", 11, "O5:D O3:B O8:D O2:A O6:A"),
                Arguments.of(march + "&size=3&sort=line_total,asc", 11, "O7:C O4:C O2:C"),
                Arguments.of(march + "&category_id=" + SUV, 5, "O8:B O6:B O6:A O3:B O2:A"),
                Arguments.of(march + "&product_id=" + IDS.get("D"), 3, "O8:D O5:D O4:D"),
                Arguments.of(march + "&order_id=" + IDS.get("O4"), 2, "O4:D O4:C"),
                Arguments.of(march + "&category_id=" + NAKED + "&product_id=" + IDS.get("C"), 3, "O7:C O4:C O2:C"),
                Arguments.of(march + "&category_id=" + SUV + "&product_id=" + IDS.get("D"), 0, ""),
                Arguments.of("from=2025-02-28&to=2025-04-01&size=2", 13, "O9:A O8:D"),
                Arguments.of("from=2025-03-04&to=2025-03-08", 0, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void lines(String query, long total, String expected) {
        JsonNode page = json("/v1/sales?" + query);
        assertThat(page.get("total").longValue()).isEqualTo(total);
        List<String> items = new ArrayList<>();
        page.get("items").forEach(line -> items.add(label(line.get("order_id").asString()) + ":" + label(line.get("product_id").asString())));
        assertThat(String.join(" ", items)).isEqualTo(expected);
    }

    @Test
    void aListedLineHasEveryFieldOfTheSpec() {
        JsonNode line = json("/v1/sales?order_id=" + IDS.get("O7") + "&from=2025-03-17&to=2025-03-17").get("items").get(0);
        List<String> names = new ArrayList<>();
        line.propertyNames().forEach(names::add);
        assertThat(names).containsExactly("order_id", "user_id", "product_id", "product_name", "category_id", "category_name",
                "quantity", "unit_price", "line_total", "margin_rate", "margin", "paid_at");
        assertThat(values(line, "product_name", "category_name", "quantity", "unit_price", "line_total", "margin_rate", "margin",
                "paid_at")).isEqualTo("Ducati Monster SP Naked bikes 1 10000.30 10000.30 0.1500 1500.05 2025-03-17T12:00:00Z");
    }

    // Bad input

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "/v1/sales/summary?from=2025-13-01                         | validation        | from",
            "/v1/sales/summary?to=2025-02-30                           | validation        | to",
            "/v1/sales/summary?from=yesterday                          | validation        | from",
            "/v1/sales/by-category?from=2025-3-1                       | validation        | from",
            "/v1/sales?from=01/03/2025                                 | validation        | from",
            "/v1/sales/summary?from=2025-03-02&to=2025-03-01           | validation        | from",
            "/v1/sales/summary?from=2022-01-01&to=2025-01-01           | validation        | to",
            "/v1/sales/timeseries?from=2025-03-01&granularity=year     | validation        | granularity",
            "/v1/sales/top-products?by=price                           | validation        | by",
            "/v1/sales/top-products?limit=0                            | validation        | limit",
            "/v1/sales/top-products?limit=51                           | validation        | limit",
            "/v1/sales/top-products?limit=ten                          | validation        | limit",
            "/v1/sales/top-products?from=x&by=y&limit=99               | validation        | by from limit",
            "/v1/sales/csv-report?from=2025-03-05&to=2025-03-01        | validation        | from",
            "/v1/sales/xlsx-report?to=2025-02-29                       | validation        | to",
            "/v1/sales?size=101                                        | validation        | size",
            "/v1/sales?page=-1                                         | validation        | page",
            "/v1/sales?sort=product_name,asc                           | malformed-request | ",
            "/v1/sales?category_id=not-a-uuid                          | malformed-request | ",
            "/v1/sales/csv-report?order_id=42                          | malformed-request | "})
    void badInputIsA400NamingTheField(String path, String slug, String fields) {
        JsonNode problem = JSON.readTree(get(path.strip()).expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + slug.strip());
        if (slug.strip().equals("validation")) {
            List<String> named = new ArrayList<>();
            problem.get("errors").forEach(error -> named.add(error.get("field").asString()));
            assertThat(named).containsExactly(fields.strip().split(" "));
            assertThat(problem.get("detail").asString()).contains(named.getFirst());
        }
        else {
            assertThat(problem.get("detail").asString()).isNotBlank();
        }
    }

    @Test
    void aPeriodOfExactlyTheLongestRangeIsAccepted() {
        // 2022-01-01 to 2024-12-31 is 1096 days (P1096D); one more is refused above.
        assertThat(figures(json("/v1/sales/summary?from=2022-01-01&to=2024-12-31"), "revenue", "orders"))
                .isEqualTo("revenue=0.00 orders=0");
        get("/v1/sales/timeseries?from=2022-01-01&to=2024-12-31").expectStatus().isOk().expectBody()
                .jsonPath("$.points.length()").isEqualTo(1096);
    }

    @Test
    void theApiDocumentDescribesEveryEndpoint() {
        JsonNode paths = JSON.readTree(client.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).get("paths");
        List<String> documented = new ArrayList<>();
        paths.propertyNames().forEach(documented::add);
        assertThat(documented).contains("/v1/sales", "/v1/sales/summary", "/v1/sales/timeseries", "/v1/sales/by-category",
                "/v1/sales/top-products", "/v1/sales/csv-report", "/v1/sales/xlsx-report");
    }

    // The rollups

    @Test
    void theRollupsKeptWhileRecordingEqualARebuildFromTheLines() {
        String[] tables = {"SELECT * FROM sales_daily ORDER BY day",
                "SELECT * FROM sales_daily_category ORDER BY day, category_id",
                "SELECT * FROM sales_daily_product ORDER BY day, product_id",
                "SELECT * FROM sales_monthly_product ORDER BY month, product_id"};
        List<List<Map<String, Object>>> kept = Arrays.stream(tables).map(sql -> jdbc.sql(sql).query().listOfRows()).toList();
        String reports = reports();

        rollups.rebuild();
        assertThat(Arrays.stream(tables).map(sql -> jdbc.sql(sql).query().listOfRows()).toList()).isEqualTo(kept);
        assertThat(reports()).isEqualTo(reports);

        // Rollups built in another zone are rebuilt (at start-up, before anything is consumed or answered).
        jdbc.sql("UPDATE sales_rollup_zone SET time_zone = 'Europe/Prague'").update();
        assertThat(rollups.rebuildIfZoneChanged()).isTrue();
        assertThat(rollups.rebuildIfZoneChanged()).isFalse();
        assertThat(jdbc.sql("SELECT time_zone FROM sales_rollup_zone").query(String.class).single()).isEqualTo("UTC");
        assertThat(reports()).isEqualTo(reports);
        assertThat(kept.getFirst()).as("days with sales").hasSize(8);
    }

    private String reports() {
        return Stream.of("/v1/sales/summary?from=2025-02-01&to=2025-04-30", "/v1/sales/by-category?from=2025-02-01&to=2025-04-30",
                        "/v1/sales/top-products?from=2025-02-01&to=2025-04-30&limit=50",
                        "/v1/sales/timeseries?from=2025-02-01&to=2025-04-30&granularity=week", "/v1/sales?category_id=" + SUV
                                + "&from=2025-02-01&to=2025-04-30")
                .map(path -> get(path).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody())
                .collect(Collectors.joining("\n"));
    }

    // Helpers

    private JsonNode json(String path) {
        return JSON.readTree(get(path).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    /** "name=value …" of the given members, numbers exactly as sent (scale included). */
    private static String figures(JsonNode node, String... members) {
        return Arrays.stream(members).map(member -> member + "=" + text(node.get(member))).collect(Collectors.joining(" "));
    }

    /** "value value …" of the given members. */
    private static String values(JsonNode node, String... members) {
        return Arrays.stream(members).map(member -> text(node.get(member))).collect(Collectors.joining(" "));
    }

    private static String text(JsonNode value) {
        return value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asString();
    }

    private static String label(String id) {
        return IDS.entrySet().stream().filter(entry -> entry.getValue().toString().equals(id)).map(Map.Entry::getKey)
                .findFirst().orElse(id);
    }
}
