package dev.eshop.admin.report;

import dev.eshop.admin.site.Forms;
import dev.eshop.admin.site.Links;
import dev.eshop.admin.site.ListQuery;
import dev.eshop.admin.site.Outcomes;
import dev.eshop.admin.site.Parallel;
import dev.eshop.admin.site.ResultPage;
import dev.eshop.platform.webapp.Htmx;
import dev.eshop.platform.webapp.WebAppProperties;
import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.platform.webapp.format.Formats;
import dev.eshop.platform.webapp.page.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sales reports (spec/ui.md §2.11, flows.md §1.14): a period (preset or dates) and granularity in
 * the URL; the figures, the revenue chart, sales by category, the best sellers, the sold lines, and
 * the same lines as CSV or Excel, streamed from sales-report.
 */
@Controller
class ReportController {

    static final int TOP = 10;
    static final List<String> GRANULARITIES = List.of("day", "week", "month");

    private static final ListQuery.Sorts SORTS = ListQuery.Sorts.by("paid_at", false).and("line_total", false);

    private final SalesReports sales;
    private final Formats fmt;
    private final ZoneId zone;
    private final Clock clock;
    private final int pageSize;

    ReportController(SalesReports sales, Formats fmt, WebAppProperties properties, ObjectProvider<Clock> clock) {
        this.sales = sales;
        this.fmt = fmt;
        this.zone = properties.timeZone();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.pageSize = properties.pageSize("lists", 20);
    }

    /** A link of the page's switches (presets, top products by revenue or units), marked when it is the one shown. */
    record Switch(String label, String href, boolean current) {
    }

    /** The only report is the sales report. */
    @GetMapping("/reports")
    String reports() {
        return "redirect:/reports/sales";
    }

    @GetMapping("/reports/sales")
    String report(Model model, HttpServletRequest request) {
        ListQuery list = ListQuery.of(request, pageSize, SORTS);
        FormErrors errors = FormErrors.none();
        ReportPeriod period = ReportPeriod.of(list.filter("preset"), list.filter("from"), list.filter("to"), LocalDate.now(clock.withZone(zone)),
                errors);
        String granularity = GRANULARITIES.stream().filter(option -> option.equals(list.filter("granularity"))).findFirst().orElse("day");
        String by = "units".equals(list.filter("by")) ? "units" : "revenue";
        UUID category = Forms.id(list.filter("category"));
        UUID product = Forms.id(list.filter("product"));
        model.addAttribute("list", list);
        model.addAttribute("errors", errors);
        model.addAttribute("period", period);
        model.addAttribute("granularity", granularity);
        model.addAttribute("by", by);
        model.addAttribute("category", category);
        model.addAttribute("product", product);
        model.addAttribute("presets", ReportPeriod.PRESETS.stream()
                .map(preset -> new Switch(preset.label(), presetHref(preset.value(), granularity, list),
                        period != null && period.preset().equals(preset.value())))
                .toList());
        model.addAttribute("charts", true);
        if (period == null) {
            model.addAttribute("lines", null);
            return "report";
        }
        SalesReports.Filter filter = new SalesReports.Filter(period.from(), period.to(), category, product);
        model.addAttribute("downloads", Map.of("csv", download("csv", filter), "xlsx", download("xlsx", filter)));
        model.addAttribute("topSwitch", List.of(new Switch("By revenue", list.with("by", "revenue"), by.equals("revenue")),
                new Switch("By units", list.with("by", "units"), by.equals("units"))));
        if (Htmx.isFragmentRequest(request)) {
            // Paging and sorting the sold lines changes nothing else on the page.
            ResultPage<SalesReports.SaleLine> lines = sales.lines(filter, list.apiPage(), list.size(), list.apiSort());
            model.addAttribute("lines", new Parallel.Card<>(lines, null));
            model.addAttribute("paging", list.paging(lines));
            return "report :: results";
        }
        try (Parallel calls = new Parallel()) {
            var summary = calls.start(() -> sales.summary(period.from(), period.to()));
            var series = calls.start(() -> sales.timeSeries(period.from(), period.to(), granularity));
            var byCategory = calls.start(() -> sales.byCategory(period.from(), period.to()));
            var top = calls.start(() -> sales.topProducts(period.from(), period.to(), by, TOP));
            var lines = calls.start(() -> sales.lines(filter, list.apiPage(), list.size(), list.apiSort()));
            model.addAttribute("summary", Parallel.card(summary));
            Parallel.Card<SalesReports.TimeSeries> chart = Parallel.card(series);
            model.addAttribute("chartCard", chart);
            model.addAttribute("chart", chart.available() ? RevenueChart.of(chart.value(), period.phrase(), fmt) : null);
            model.addAttribute("byCategory", Parallel.card(byCategory));
            model.addAttribute("top", Parallel.card(top));
            Parallel.Card<ResultPage<SalesReports.SaleLine>> linesCard = Parallel.card(lines);
            model.addAttribute("lines", linesCard);
            model.addAttribute("paging", linesCard.available() ? list.paging(linesCard.value()) : null);
        }
        return "report";
    }

    /**
     * The sold lines as a file, streamed from sales-report with its name ({@code sales-2025-01-01-2025-01-31.csv});
     * too many lines for one file (422) brings the admin back to the report, asked to narrow the range.
     */
    @GetMapping("/reports/sales/{format:csv|xlsx}")
    void download(@PathVariable String format, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String category, @RequestParam(required = false) String product,
                  HttpServletRequest request, HttpServletResponse response) throws IOException {
        FormErrors errors = FormErrors.none();
        ReportPeriod period = ReportPeriod.of(null, from, to, LocalDate.now(clock.withZone(zone)), errors);
        if (period == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        SalesReports.Filter filter = new SalesReports.Filter(period.from(), period.to(), Forms.id(category), Forms.id(product));
        try {
            sales.download(filter, format, response);
        }
        catch (ServiceProblem refused) {
            if (refused.status() == 403 || response.isCommitted()) {
                throw refused;
            }
            String back = Links.to("/reports/sales", filterParams(filter));
            String alert = refused.status() != 422 || refused.detail().contains("Narrow the date range") ? refused.detail()
                    : refused.detail() + " Narrow the date range.";
            Outcomes.sendRefused(back, alert, request, response);
        }
    }

    private static String download(String format, SalesReports.Filter filter) {
        return Links.to("/reports/sales/" + format, filterParams(filter));
    }

    /** The period's dates and the category or product the sold lines are narrowed to. */
    private static Map<String, List<String>> filterParams(SalesReports.Filter filter) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("from", List.of(filter.from().toString()));
        params.put("to", List.of(filter.to().toString()));
        if (filter.categoryId() != null) {
            params.put("category", List.of(filter.categoryId().toString()));
        }
        if (filter.productId() != null) {
            params.put("product", List.of(filter.productId().toString()));
        }
        return params;
    }

    /** A preset's link: the same report (granularity, category, product, top products by, sort) over another period. */
    private static String presetHref(String preset, String granularity, ListQuery list) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("preset", List.of(preset));
        params.put("granularity", List.of(granularity));
        for (String kept : List.of("category", "product", "by", "sort")) {
            if (list.filter(kept) != null) {
                params.put(kept, List.of(list.filter(kept)));
            }
        }
        return Links.to("/reports/sales", params);
    }
}
