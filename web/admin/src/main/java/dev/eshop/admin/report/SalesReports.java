package dev.eshop.admin.report;

import dev.eshop.admin.site.Relay;
import dev.eshop.admin.site.ResultPage;
import dev.eshop.platform.webapp.client.ServiceClients;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sales figures at the sales-report service: summary, time series, by category, top products, the sold lines and the downloads. */
@Component
public class SalesReports {

    private static final ParameterizedTypeReference<ResultPage<SaleLine>> LINES = new ParameterizedTypeReference<>() {
    };

    private final RestClient sales;
    private final JsonMapper json;

    SalesReports(ServiceClients clients) {
        this.sales = clients.create("sales-report");
        this.json = clients.json();
    }

    /** Revenue, orders, units, average order value and margin of a period (both days included). */
    public record Summary(LocalDate from, LocalDate to, BigDecimal revenue, long orders, long units, BigDecimal averageOrderValue,
                          BigDecimal margin) {
    }

    public record TimeSeries(LocalDate from, LocalDate to, String granularity, List<Point> points) {

        public TimeSeries {
            points = points == null ? List.of() : points;
        }
    }

    /** One period (day, week from Monday, month) of a time series; empty periods are zeros. */
    public record Point(LocalDate periodStart, BigDecimal revenue, long orders, long units, BigDecimal margin) {
    }

    /** {@code share}: the category's part of the period's revenue, 0–1 with 4 decimals. */
    public record CategorySales(UUID categoryId, String categoryName, BigDecimal revenue, long orders, long units, BigDecimal margin,
                                BigDecimal share) {
    }

    public record ProductSales(UUID productId, String productName, String categoryName, BigDecimal revenue, long units, long orders,
                               BigDecimal margin) {
    }

    public record SaleLine(UUID orderId, UUID productId, String productName, UUID categoryId, String categoryName, int quantity,
                           BigDecimal unitPrice, BigDecimal lineTotal, BigDecimal margin, Instant paidAt) {
    }

    record Items<T>(List<T> items) {

        Items {
            items = items == null ? List.of() : items;
        }
    }

    /** The sold lines a report is about: a period, and optionally one category or product. */
    public record Filter(LocalDate from, LocalDate to, UUID categoryId, UUID productId) {

        void apply(UriBuilder builder) {
            builder.queryParam("from", from).queryParam("to", to);
            if (categoryId != null) {
                builder.queryParam("category_id", categoryId);
            }
            if (productId != null) {
                builder.queryParam("product_id", productId);
            }
        }
    }

    public Summary summary(LocalDate from, LocalDate to) {
        return sales.get().uri("/v1/sales/summary?from={from}&to={to}", from, to).retrieve().body(Summary.class);
    }

    public TimeSeries timeSeries(LocalDate from, LocalDate to, String granularity) {
        return sales.get().uri("/v1/sales/timeseries?from={from}&to={to}&granularity={granularity}", from, to, granularity)
                .retrieve().body(TimeSeries.class);
    }

    public List<CategorySales> byCategory(LocalDate from, LocalDate to) {
        return sales.get().uri("/v1/sales/by-category?from={from}&to={to}", from, to).retrieve()
                .body(new ParameterizedTypeReference<Items<CategorySales>>() {
                }).items();
    }

    /** The best sellers, by {@code revenue} or {@code units}. */
    public List<ProductSales> topProducts(LocalDate from, LocalDate to, String by, int limit) {
        return sales.get().uri("/v1/sales/top-products?from={from}&to={to}&by={by}&limit={limit}", from, to, by, limit).retrieve()
                .body(new ParameterizedTypeReference<Items<ProductSales>>() {
                }).items();
    }

    public ResultPage<SaleLine> lines(Filter filter, int page, int size, String sort) {
        return sales.get().uri(builder -> {
            builder.path("/v1/sales").queryParam("page", page).queryParam("size", size).queryParam("sort", sort);
            filter.apply(builder);
            return builder.build();
        }).retrieve().body(LINES);
    }

    /**
     * Streams the sold lines as {@code csv} or {@code xlsx} with sales-report's file name
     * ({@code sales-{from}-{to}.csv}); refused with 422 {@code too-many-rows} above the export limit.
     */
    public void download(Filter filter, String format, HttpServletResponse response) {
        sales.get().uri(builder -> {
                    builder.path("/v1/sales/" + format + "-report");
                    filter.apply(builder);
                    URI uri = builder.build();
                    return uri;
                })
                .exchange(Relay.to(response, "sales-report", json, List.of(HttpHeaders.CONTENT_DISPOSITION),
                        Map.of(HttpHeaders.CACHE_CONTROL, "private, no-store")));
    }
}
