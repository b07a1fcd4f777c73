package dev.eshop.admin.order;

import dev.eshop.admin.payment.Payment;
import dev.eshop.admin.payment.Payments;
import dev.eshop.admin.site.Dates;
import dev.eshop.admin.site.Forms;
import dev.eshop.admin.site.Links;
import dev.eshop.admin.site.ListQuery;
import dev.eshop.admin.site.Outcomes;
import dev.eshop.admin.site.ResultPage;
import dev.eshop.platform.webapp.Htmx;
import dev.eshop.platform.webapp.WebAppProperties;
import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.platform.webapp.format.Formats;
import dev.eshop.platform.webapp.page.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Orders (spec/ui.md §2.9, flows.md §1.7–1.8): the list with quick tabs and filters, and an order's
 * page with its payment and timeline, where a paid order is shipped and a shipped one marked
 * delivered. No other manual status change exists.
 */
@Controller
class OrderController {

    static final List<String> STATUSES = List.of("PENDING_PAYMENT", "PAYMENT_SUBMITTED", "PAID", "ON_DELIVERY", "DELIVERED", "REJECTED",
            "EXPIRED", "CANCELLED");
    static final int MAX_NOTE = 500;

    /** A quick tab: its words and the statuses it shows (none: all orders). */
    record Tab(String label, List<String> statuses) {

        String href() {
            return Links.to("/orders", Map.of("status", statuses));
        }
    }

    static final List<Tab> TABS = List.of(
            new Tab("All", List.of()),
            new Tab("Awaiting payment", List.of("PENDING_PAYMENT")),
            new Tab("To review", List.of("PAYMENT_SUBMITTED")),
            new Tab("To ship", List.of("PAID")),
            new Tab("On delivery", List.of("ON_DELIVERY")),
            new Tab("Closed", List.of("DELIVERED", "REJECTED", "EXPIRED", "CANCELLED")));

    private static final ListQuery.Sorts SORTS = ListQuery.Sorts.by("created_at", false).and("total", false);

    private final Orders orders;
    private final Payments payments;
    private final Formats fmt;
    private final int pageSize;

    OrderController(Orders orders, Payments payments, Formats fmt, WebAppProperties properties) {
        this.orders = orders;
        this.payments = payments;
        this.fmt = fmt;
        this.pageSize = properties.pageSize("lists", 20);
    }

    /** A status of the filter's multi-select. */
    record StatusChoice(String value, String label, boolean selected) {
    }

    /** A tab as the page shows it, marked when its statuses are the ones filtered by. */
    record TabLink(String label, String href, boolean current) {
    }

    @GetMapping("/orders")
    String list(Model model, HttpServletRequest request) {
        ListQuery list = ListQuery.of(request, pageSize, SORTS);
        FormErrors errors = FormErrors.none();
        List<String> statuses = list.filters("status").stream().filter(STATUSES::contains).distinct().toList();
        LocalDate from = Dates.read(list.filter("from"), "from", errors);
        LocalDate to = Dates.read(list.filter("to"), "to", errors);
        boolean usable = Dates.ordered(from, to, "from", errors);
        ResultPage<OrderSummary> found = usable
                ? orders.list(new Orders.Filter(statuses, from, to, list.filter("q")), list.apiPage(), list.size(), list.apiSort())
                : new ResultPage<>(List.of(), 0, list.size(), 0);
        Set<String> chosen = new HashSet<>(statuses);
        model.addAttribute("list", list);
        model.addAttribute("errors", errors);
        model.addAttribute("tabs", TABS.stream().map(tab -> new TabLink(tab.label(), tab.href(), Set.copyOf(tab.statuses()).equals(chosen)))
                .toList());
        model.addAttribute("statuses", STATUSES.stream().map(status -> new StatusChoice(status, fmt.orderStatus(status), chosen.contains(status)))
                .toList());
        model.addAttribute("orders", found);
        model.addAttribute("paging", list.paging(found));
        return Htmx.isFragmentRequest(request) ? "orders :: listing" : "orders";
    }

    @GetMapping("/orders/{id}")
    String order(@PathVariable UUID id, Model model) {
        return show(orders.get(id), "", FormErrors.none(), model);
    }

    /** "Mark as shipped", with the carrier and tracking number as the note the customer sees. */
    @PostMapping("/orders/{id}/ship")
    Object ship(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String version,
                Model model, HttpServletRequest request, HttpServletResponse response) {
        if (note.strip().length() > MAX_NOTE) {
            show(orders.get(id), note, FormErrors.none().field("note", "The note can be at most " + MAX_NOTE + " characters."), model);
            return Outcomes.again("order", "actions", HttpStatus.BAD_REQUEST, request);
        }
        return change(id, "ON_DELIVERY", note, version, "Marked order %s as shipped.", model, request, response);
    }

    @PostMapping("/orders/{id}/deliver")
    Object deliver(@PathVariable UUID id, @RequestParam(defaultValue = "") String version, Model model, HttpServletRequest request,
                   HttpServletResponse response) {
        return change(id, "DELIVERED", "", version, "Marked order %s as delivered.", model, request, response);
    }

    private Object change(UUID id, String status, String note, String version, String done, Model model, HttpServletRequest request,
                          HttpServletResponse response) {
        try {
            OrderDetail changed = orders.changeStatus(id, status, Forms.optional(note), Forms.wholeNumber(version));
            return Outcomes.done("/orders/" + id, done.formatted(fmt.orderNumber(changed.id())), request, response);
        }
        catch (ServiceProblem refused) {
            Forms.throwIfForbiddenOrGone(refused);
            FormErrors errors = refused.is("concurrent-modification")
                    ? FormErrors.none().general("This order was changed meanwhile; it is shown as it is now. Check it and try again.")
                    : Forms.errors(refused, Map.of("note", "note"), Map.of("note", "Note"));
            show(orders.get(id), note, errors, model);
            return Outcomes.again("order", "actions", Forms.status(refused), request);
        }
    }

    private String show(OrderDetail order, String note, FormErrors errors, Model model) {
        Optional<Payment> payment;
        boolean paymentKnown = true;
        try {
            payment = payments.ofOrder(order.id());
        }
        catch (ServiceProblem problem) {
            if (!problem.unavailable()) {
                throw problem;
            }
            payment = Optional.empty();
            paymentKnown = false;
        }
        model.addAttribute("order", order);
        model.addAttribute("orderNumber", fmt.orderNumber(order.id()));
        model.addAttribute("payment", payment.orElse(null));
        model.addAttribute("paymentKnown", paymentKnown);
        model.addAttribute("note", note);
        model.addAttribute("errors", errors);
        return "order";
    }
}
