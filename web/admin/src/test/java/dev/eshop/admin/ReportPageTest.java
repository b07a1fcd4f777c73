package dev.eshop.admin;

import dev.eshop.platform.testing.web.FakeServices;
import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sales reports (spec/ui.md §2.11): period in the URL, figures, chart, categories, top products, lines and downloads. */
class ReportPageTest extends AdminTestSupport {

    static final UUID CX60 = UUID.fromString("0193a4b0-0000-7000-8000-00000000d002");
    static final UUID ORDER = UUID.fromString("0193a4b0-0000-7000-8000-00004e5f6a7b");

    @Test
    void theLast30DaysAreTheDefaultWithFiguresChartCategoriesTopProductsAndLines() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String from = today.minusDays(29).toString();
        services.answer("GET", "/v1/sales/summary", 200, Samples.summary(from, today.toString(), "140210.00", 2, 2, "70105.00", "21031.50"));
        services.answer("GET", "/v1/sales/timeseries", 200, """
                {"from":"%s","to":"%s","granularity":"week","points":[
                 {"period_start":"2025-01-06","revenue":140210.00,"orders":2,"units":2,"margin":21031.50}]}""".formatted(from, today));
        services.answer("GET", "/v1/sales/by-category", 200, """
                {"items":[{"category_id":"%s","category_name":"SUV","revenue":140210.00,"orders":2,"units":2,"margin":21031.50,
                 "share":0.4532}]}""".formatted(Samples.SUV));
        services.answer("GET", "/v1/sales/top-products", 200, """
                {"items":[{"product_id":"%s","product_name":"Mazda CX-60","category_name":"SUV","revenue":140210.00,"units":2,"orders":2,
                 "margin":21031.50}]}""".formatted(CX60));
        services.answer("GET", "/v1/sales", 200, Samples.page(0, 20, 1, """
                {"order_id":"%s","user_id":"%s","product_id":"%s","product_name":"Mazda CX-60","category_id":"%s","category_name":"SUV",
                 "quantity":2,"unit_price":70105.00,"line_total":140210.00,"margin_rate":0.15,"margin":21031.50,
                 "paid_at":"2025-01-09T10:00:00Z"}""".formatted(ORDER, Samples.CUSTOMER_ID, CX60, Samples.SUV)));

        Document page = admin().get("/reports/sales?granularity=week").document();

        assertThat(page.title()).isEqualTo("Sales report — Eshop Admin");
        assertThat(page.selectFirst("nav.tabs a[aria-current=page]").text()).isEqualTo("Last 30 days");
        assertThat(page.select(".cards .card").eachText()).containsExactly("Revenue $140,210.00", "Orders 2", "Vehicles sold 2",
                "Average order value $70,105.00", "Margin $21,031.50");
        assertThat(page.selectFirst("canvas").attr("aria-label"))
                .isEqualTo("Revenue over the last 30 days: $140,210.00 from 2 orders; the best week was Week of 6 Jan with $140,210.00.");
        assertThat(page.select("#revenue-over-time-table tbody tr").eachText()).containsExactly("Week of 6 Jan $140,210.00 2");
        assertThat(page.select("table:has(caption:contains(Sales by category)) tbody tr").text())
                .isEqualTo("SUV $140,210.00 2 2 $21,031.50 45.3 % 45.3 %");
        assertThat(page.selectFirst("meter").attr("value")).isEqualTo("0.4532");
        assertThat(page.select("table:has(caption:contains(Top 10)) tbody tr").text()).isEqualTo("Mazda CX-60 SUV $140,210.00 2 2 $21,031.50");
        assertThat(page.select("#results tbody tr").text()).isEqualTo("9 Jan 2025, 10:00 #4E5F6A7B Mazda CX-60 SUV 2 $70,105.00 $140,210.00 $21,031.50");
        assertThat(page.selectFirst("a:contains(Download CSV)").attr("href")).isEqualTo("/reports/sales/csv?from=" + from + "&to=" + today);
        assertThat(page.selectFirst("a:contains(Download Excel)").attr("href")).isEqualTo("/reports/sales/xlsx?from=" + from + "&to=" + today);

        assertThat(services.last("GET", "/v1/sales/summary").query()).isEqualTo("from=" + from + "&to=" + today);
        assertThat(services.last("GET", "/v1/sales/timeseries").param("granularity")).isEqualTo("week");
        assertThat(services.last("GET", "/v1/sales/top-products").query()).isEqualTo("from=" + from + "&to=" + today + "&by=revenue&limit=10");
        assertThat(services.last("GET", "/v1/sales").param("sort")).isEqualTo("paid_at,desc");
    }

    @Test
    void customDatesCategoryAndUnitsTravelToTheServiceAndTheDownloads() {
        Document page = admin().get("/reports/sales?from=2025-01-01&to=2025-01-31&by=units&category=" + Samples.SUV).document();

        assertThat(page.select("nav.tabs[aria-label=Period] a[aria-current]")).isEmpty();
        assertThat(page.selectFirst("#from").val()).isEqualTo("2025-01-01");
        assertThat(services.last("GET", "/v1/sales/top-products").param("by")).isEqualTo("units");
        FakeServices.Request lines = services.last("GET", "/v1/sales");
        assertThat(lines.param("category_id")).isEqualTo(Samples.SUV.toString());
        assertThat(lines.param("from")).isEqualTo("2025-01-01");
        assertThat(page.selectFirst("a:contains(Download CSV)").attr("href"))
                .isEqualTo("/reports/sales/csv?from=2025-01-01&to=2025-01-31&category=" + Samples.SUV);
        assertThat(page.text()).contains("Sales from 1 Jan 2025 – 31 Jan 2025.", "No sales in this period.");
    }

    @Test
    void datesThatCannotMakeAPeriodAreExplainedAndNothingIsAsked() {
        Visitor.Page page = admin().get("/reports/sales?from=2025-02-01&to=2025-01-01");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.one("#from-error").text()).isEqualTo("The start date must be on or before the end date.");
        assertThat(admin().get("/reports/sales?from=2020-01-01&to=2025-01-01").one("#from-error").text())
                .isEqualTo("Choose a period of at most 3 years.");
        assertThat(admin().get("/reports/sales?from=yesterday").one("#from-error").text()).isEqualTo("Enter a date like 2025-01-31.");
        assertThat(services.requests("GET", "/v1/sales/summary")).isEmpty();
    }

    @Test
    void theCsvIsStreamedWithSalesReportsFileName() {
        byte[] csv = "paid_at,order_id\n2025-01-09T10:00:00Z,x\n".getBytes(StandardCharsets.UTF_8);
        services.answer("GET", "/v1/sales/csv-report", request -> FakeServices.Answer.file("text/csv; charset=UTF-8", csv,
                Map.of("Content-Disposition", "attachment; filename=\"sales-2025-01-01-2025-01-31.csv\"")));

        Visitor.Page download = admin().get("/reports/sales/csv?from=2025-01-01&to=2025-01-31&product=" + UUID.randomUUID());

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.result().getResponse().getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename=\"sales-2025-01-01-2025-01-31.csv\"");
        assertThat(download.result().getResponse().getContentAsByteArray()).isEqualTo(csv);
        FakeServices.Request asked = services.last("GET", "/v1/sales/csv-report");
        assertThat(asked.param("from")).isEqualTo("2025-01-01");
        assertThat(asked.param("to")).isEqualTo("2025-01-31");
        assertThat(asked.param("product_id")).isNotNull();
        assertThat(asked.header("Authorization")).isEqualTo("Bearer " + accessToken(ADMIN_ID));
    }

    @Test
    void theExcelFileIsStreamedToo() {
        byte[] xlsx = {0x50, 0x4B, 0x03, 0x04, 9, 9};
        String type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        services.answer("GET", "/v1/sales/xlsx-report", request -> FakeServices.Answer.file(type, xlsx,
                Map.of("Content-Disposition", "attachment; filename=\"sales-2025-01-01-2025-01-31.xlsx\"")));

        Visitor.Page download = admin().get("/reports/sales/xlsx?from=2025-01-01&to=2025-01-31");

        assertThat(download.result().getResponse().getContentType()).isEqualTo(type);
        assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename=\"sales-2025-01-01-2025-01-31.xlsx\"");
        assertThat(download.result().getResponse().getContentAsByteArray()).isEqualTo(xlsx);
    }

    @Test
    void tooManyLinesBringTheAdminBackAskedToNarrowTheRange() {
        services.answer("GET", "/v1/sales/csv-report", 422, Samples.problem(422, "rule-violated",
                "The export would have 123,456 rows; at most 100,000 can be exported at once. Narrow the date range.", "\"rule\":\"too-many-rows\""));
        Visitor admin = admin();

        Visitor.Page refused = admin.get("/reports/sales/csv?from=2023-01-01&to=2025-01-31");

        assertThat(refused.redirect()).isEqualTo("/reports/sales?from=2023-01-01&to=2025-01-31");
        assertThat(admin.get("/reports/sales?from=2023-01-01&to=2025-01-31").one("p.alert[role=alert]").text())
                .isEqualTo("The export would have 123,456 rows; at most 100,000 can be exported at once. Narrow the date range.");
    }

    @Test
    void pagingTheLinesWithHtmxAsksForTheLinesAlone() {
        Visitor.Page lines = admin().htmx().get("/reports/sales?page=2&sort=line_total,desc");

        assertThat(lines.html()).doesNotContain("<html");
        assertThat(lines.document().select("#results")).hasSize(1);
        assertThat(services.requests("GET", "/v1/sales/summary")).isEmpty();
        FakeServices.Request asked = services.last("GET", "/v1/sales");
        assertThat(asked.param("page")).isEqualTo("1");
        assertThat(asked.param("sort")).isEqualTo("line_total,desc");
    }

    @Test
    void reportsInTheNavigationLeadToTheSalesReport() {
        assertThat(admin().get("/reports").redirect()).isEqualTo("/reports/sales");
        assertThat(admin().get("/reports/sales").one("nav.menu-wide a[aria-current=page]").text()).isEqualTo("Reports");
    }

    @Test
    void anotherPeriodKeepsTheCategoryTheProductAndTheRanking() {
        UUID product = UUID.randomUUID();
        Visitor admin = admin();
        Visitor.Page report = admin.get("/reports/sales?preset=this-month&granularity=week&by=units&category=" + Samples.SUV
                + "&product=" + product);

        Visitor.Page lastWeek = follow(admin, report.one("nav.tabs[aria-label=Period] a:contains(Last 7 days)").attr("href"));
        assertThat(lastWeek.one("nav.tabs[aria-label=Period] a[aria-current=page]").text()).isEqualTo("Last 7 days");
        assertReportFor(product, "week");

        admin.submit(report.form("form.filters"), Map.of("from", "2025-01-01", "to", "2025-01-31", "granularity", "month"));
        assertReportFor(product, "month");
        assertThat(services.last("GET", "/v1/sales").param("from")).isEqualTo("2025-01-01");
    }

    /** The last report asked: narrowed to the SUVs and the product, ranked by units, drawn by the granularity. */
    private void assertReportFor(UUID product, String granularity) {
        FakeServices.Request lines = services.last("GET", "/v1/sales");
        assertThat(lines.param("category_id")).isEqualTo(Samples.SUV.toString());
        assertThat(lines.param("product_id")).isEqualTo(product.toString());
        assertThat(services.last("GET", "/v1/sales/top-products").param("by")).isEqualTo("units");
        assertThat(services.last("GET", "/v1/sales/timeseries").param("granularity")).isEqualTo(granularity);
    }
}
