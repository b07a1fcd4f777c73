package dev.eshop.admin.dashboard;

import dev.eshop.admin.order.Orders;
import dev.eshop.admin.payment.Payments;
import dev.eshop.admin.report.RevenueChart;
import dev.eshop.admin.report.SalesReports;
import dev.eshop.admin.site.Parallel;
import dev.eshop.admin.site.ResultPage;
import dev.eshop.admin.stock.ProductStock;
import dev.eshop.admin.stock.Stock;
import dev.eshop.platform.webapp.WebAppProperties;
import dev.eshop.platform.webapp.format.Formats;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The dashboard (spec/ui.md §2.3, flows.md §1.14): today's revenue, payments awaiting review, paid
 * orders to ship, the lowest stock, and revenue over the last 30 days. The calls run at once; a card
 * whose service does not answer says so and the others still show.
 */
@Controller
class DashboardController {

    static final int LOW_STOCK_SHOWN = 5;
    static final int CHART_DAYS = 30;

    private final SalesReports sales;
    private final Payments payments;
    private final Orders orders;
    private final Stock stock;
    private final Formats fmt;
    private final ZoneId zone;
    private final Clock clock;

    DashboardController(SalesReports sales, Payments payments, Orders orders, Stock stock, Formats fmt, WebAppProperties properties,
                        ObjectProvider<Clock> clock) {
        this.sales = sales;
        this.payments = payments;
        this.orders = orders;
        this.stock = stock;
        this.fmt = fmt;
        this.zone = properties.timeZone();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/")
    String dashboard(Model model) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        try (Parallel calls = new Parallel()) {
            var revenue = calls.start(() -> sales.summary(today, today));
            var awaiting = calls.start(payments::awaitingReview);
            var toShip = calls.start(() -> orders.count("PAID"));
            var lowStock = calls.start(() -> stock.products(null, true, 0, LOW_STOCK_SHOWN, "total,asc"));
            var series = calls.start(() -> sales.timeSeries(today.minusDays(CHART_DAYS - 1), today, "day"));
            model.addAttribute("revenue", Parallel.card(revenue));
            model.addAttribute("awaiting", Parallel.card(awaiting));
            model.addAttribute("toShip", Parallel.card(toShip));
            Parallel.Card<ResultPage<ProductStock>> low = Parallel.card(lowStock);
            model.addAttribute("lowStock", low);
            Parallel.Card<SalesReports.TimeSeries> chart = Parallel.card(series);
            model.addAttribute("chart", chart.available() ? RevenueChart.of(chart.value(), "the last 30 days", fmt) : null);
            model.addAttribute("chartCard", chart);
        }
        model.addAttribute("charts", true);
        return "dashboard";
    }
}
