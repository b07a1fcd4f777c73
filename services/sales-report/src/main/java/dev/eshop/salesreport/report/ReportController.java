package dev.eshop.salesreport.report;

import dev.eshop.platform.web.paging.PageQuery;
import dev.eshop.platform.web.paging.PageResult;
import dev.eshop.platform.web.paging.Sortable;
import dev.eshop.salesreport.report.ReportParameters.Check;
import dev.eshop.salesreport.report.ReportParameters.TopBy;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Sales reports for admins (spec services.md §7.3; ADMIN only, see AccessRules). Periods are
 * {@code from}–{@code to}, inclusive dates in {@code eshop.sales.time-zone}, by default the last 30 days
 * ending today.
 */
@RestController
@Tag(name = "Sales reports", description = "Summary, time series, categories, top products and the sold lines (ADMIN)")
class ReportController {

    private static final String FROM = "First day, inclusive (yyyy-MM-dd, report time zone); default 29 days before to";
    private static final String TO = "Last day, inclusive (yyyy-MM-dd, report time zone); default today";

    private final ReportParameters parameters;
    private final ReportQueries queries;

    ReportController(ReportParameters parameters, ReportQueries queries) {
        this.parameters = parameters;
        this.queries = queries;
    }

    @GetMapping("/v1/sales/summary")
    Summary summary(@Parameter(description = FROM) @RequestParam(required = false) String from,
                    @Parameter(description = TO) @RequestParam(required = false) String to) {
        Check check = parameters.check();
        ReportPeriod period = check.period(from, to);
        check.done();
        return queries.summary(period);
    }

    @GetMapping("/v1/sales/timeseries")
    TimeSeries timeSeries(@Parameter(description = FROM) @RequestParam(required = false) String from,
                          @Parameter(description = TO) @RequestParam(required = false) String to,
                          @Parameter(description = "day (default), week (from Monday) or month")
                          @RequestParam(required = false) String granularity) {
        Check check = parameters.check();
        ReportPeriod period = check.period(from, to);
        Granularity periods = check.granularity(granularity);
        check.done();
        return queries.timeSeries(period, periods);
    }

    @GetMapping("/v1/sales/by-category")
    Items<CategorySales> byCategory(@Parameter(description = FROM) @RequestParam(required = false) String from,
                                    @Parameter(description = TO) @RequestParam(required = false) String to) {
        Check check = parameters.check();
        ReportPeriod period = check.period(from, to);
        check.done();
        return new Items<>(queries.byCategory(period));
    }

    @GetMapping("/v1/sales/top-products")
    Items<ProductSales> topProducts(@Parameter(description = FROM) @RequestParam(required = false) String from,
                                    @Parameter(description = TO) @RequestParam(required = false) String to,
                                    @Parameter(description = "revenue (default) or units") @RequestParam(required = false) String by,
                                    @Parameter(description = "1-50, default 10") @RequestParam(required = false) String limit) {
        Check check = parameters.check();
        ReportPeriod period = check.period(from, to);
        TopBy order = check.by(by);
        int count = check.limit(limit);
        check.done();
        return new Items<>(queries.topProducts(period, order, count));
    }

    @GetMapping("/v1/sales")
    PageResult<SaleLine> lines(@Parameter(description = FROM) @RequestParam(required = false) String from,
                               @Parameter(description = TO) @RequestParam(required = false) String to,
                               @RequestParam(name = "category_id", required = false) UUID categoryId,
                               @RequestParam(name = "product_id", required = false) UUID productId,
                               @RequestParam(name = "order_id", required = false) UUID orderId,
                               @Sortable(value = {"paid_at", "line_total"}, byDefault = "paid_at,desc") PageQuery page) {
        return queries.lines(parameters.filter(from, to, categoryId, productId, orderId), page);
    }
}
