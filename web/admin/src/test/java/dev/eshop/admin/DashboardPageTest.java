package dev.eshop.admin;

import dev.eshop.platform.testing.web.FakeServices;
import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard (spec/ui.md §2.3): four cards and the revenue chart, each from its own service. */
class DashboardPageTest extends AdminTestSupport {

    @Test
    void showsTodaysRevenueTheQueuesTheLowestStockAndTheChartFigures() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        services.answer("GET", "/v1/sales/summary", 200, Samples.summary(today.toString(), today.toString(), "1159400.00", 3, 4,
                "386466.67", "173910.00"));
        services.answer("GET", "/v1/payments", 200, Samples.page(0, 1, 3));
        services.answer("GET", "/v1/orders", 200, Samples.page(0, 1, 2));
        services.answer("GET", "/v1/stock/products", 200, Samples.page(0, 5, 4,
                Samples.productStock(UUID.randomUUID(), "SKU-AAAA0001", "Honda CB650R", 1, 0, true),
                Samples.productStock(UUID.randomUUID(), "SKU-AAAA0002", "Mazda CX-60", 3, 1, true)));
        services.answer("GET", "/v1/sales/timeseries", 200, """
                {"from":"%s","to":"%s","granularity":"day","points":[
                 {"period_start":"2025-01-08","revenue":0.00,"orders":0,"units":0,"margin":0.00},
                 {"period_start":"2025-01-09","revenue":70105.00,"orders":1,"units":1,"margin":10515.75}]}"""
                .formatted(today.minusDays(29), today));

        Visitor.Page dashboard = admin().get("/");

        assertThat(dashboard.status()).isEqualTo(200);
        Document page = dashboard.document();
        assertThat(page.title()).isEqualTo("Dashboard — Eshop Admin");
        assertThat(page.selectFirst("#card-revenue").text()).isEqualTo("Revenue today $1,159,400.00 3 orders");
        assertThat(page.selectFirst("#card-payments").text()).isEqualTo("Payments awaiting review 3 Review payments");
        assertThat(page.selectFirst("#card-payments a").attr("href")).isEqualTo("/payments");
        assertThat(page.selectFirst("#card-to-ship").text()).isEqualTo("Orders to ship 2 Show orders to ship");
        assertThat(page.selectFirst("#card-to-ship a").attr("href")).isEqualTo("/orders?status=PAID");
        assertThat(page.select("#card-low-stock li").eachText()).containsExactly("Honda CB650R: 1 unit", "Mazda CX-60: 3 units");
        assertThat(page.selectFirst("#card-low-stock").text()).contains("4 products are low on stock.");
        assertThat(page.selectFirst("#card-low-stock a").attr("href")).isEqualTo("/stock?low_stock=true");

        String summary = "Revenue over the last 30 days: $70,105.00 from 1 order; the best day was 9 Jan with $70,105.00.";
        assertThat(page.selectFirst("canvas").attr("role")).isEqualTo("img");
        assertThat(page.selectFirst("canvas").attr("aria-label")).isEqualTo(summary);
        assertThat(page.selectFirst("canvas").attr("data-chart-table")).isEqualTo("revenue-30-days-table");
        assertThat(page.select("#revenue-30-days-table tbody tr").eachText()).containsExactly("8 Jan $0.00 0", "9 Jan $70,105.00 1");
        assertThat(page.select("#revenue-30-days-table td[data-value]").eachAttr("data-value")).containsExactly("0.00", "70105.00");
        assertThat(page.selectFirst("details.chart-table summary").text()).isEqualTo("Show as table");
        assertThat(page.select("script").eachAttr("src")).contains("/webjars/chart.js/4.5.1/dist/chart.umd.min.js");

        assertThat(services.last("GET", "/v1/sales/summary").query()).isEqualTo("from=" + today + "&to=" + today);
        assertThat(services.last("GET", "/v1/sales/timeseries").query())
                .isEqualTo("from=" + today.minusDays(29) + "&to=" + today + "&granularity=day");
        FakeServices.Request toShip = services.last("GET", "/v1/orders");
        assertThat(toShip.params("status")).containsExactly("PAID");
        FakeServices.Request lowStock = services.last("GET", "/v1/stock/products");
        assertThat(lowStock.param("low_stock")).isEqualTo("true");
        assertThat(lowStock.param("sort")).isEqualTo("total,asc");
        assertThat(lowStock.param("size")).isEqualTo("5");
        assertThat(services.requests("GET", "/v1/payments")).allSatisfy(request -> {
            assertThat(request.param("status")).isEqualTo("PENDING");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + accessToken(ADMIN_ID));
        });
        assertThat(lowStock.header("Authorization")).as("calls made at once carry the admin's token too").isEqualTo("Bearer " + accessToken(ADMIN_ID));
    }

    @Test
    void aCardWhoseServiceDoesNotAnswerSaysSoAndTheOthersStillShow() {
        services.answer("GET", "/v1/sales/summary", 503, Samples.problem(503, "dependency-unavailable", "down", null));
        services.answer("GET", "/v1/sales/timeseries", 503, Samples.problem(503, "dependency-unavailable", "down", null));
        services.answer("GET", "/v1/orders", 200, Samples.page(0, 1, 2));

        Visitor.Page dashboard = admin().get("/");

        assertThat(dashboard.status()).isEqualTo(200);
        Document page = dashboard.document();
        assertThat(page.selectFirst("#card-revenue").text()).isEqualTo("Revenue today Not available right now");
        assertThat(page.selectFirst("#card-to-ship").text()).isEqualTo("Orders to ship 2 Show orders to ship");
        assertThat(page.select("canvas")).isEmpty();
        assertThat(page.select("main section").last().text()).isEqualTo("Revenue, last 30 days Not available right now");
    }
}
