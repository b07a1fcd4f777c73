package dev.eshop.admin.payment;

import dev.eshop.admin.order.OrderDetail;
import dev.eshop.admin.order.Orders;
import dev.eshop.admin.site.Confirmation;
import dev.eshop.admin.site.Dates;
import dev.eshop.admin.site.Forms;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Payments (spec/ui.md §2.10, flows.md §1.6 and §1.11): the review queue first (oldest first), other
 * statuses on request; the review page with the proof, the order's total beside the amount, and
 * Approve or Reject (with a note, after a confirmation). Only a payment under review can be decided.
 */
@Controller
class PaymentController {

    static final String QUEUE = "PENDING";
    static final List<String> STATUSES = List.of("PENDING", "APPROVED", "REJECTED");
    static final int MAX_NOTE = 500;

    private final Payments payments;
    private final Orders orders;
    private final Formats fmt;
    private final int pageSize;

    PaymentController(Payments payments, Orders orders, Formats fmt, WebAppProperties properties) {
        this.payments = payments;
        this.orders = orders;
        this.fmt = fmt;
        this.pageSize = properties.pageSize("lists", 20);
    }

    /** A choice of the status filter; {@code all} shows every status. */
    record StatusChoice(String value, String label, boolean selected) {
    }

    @GetMapping("/payments")
    String list(Model model, HttpServletRequest request) {
        String status = request.getParameter("status") == null ? QUEUE : request.getParameter("status");
        boolean queue = status.equals(QUEUE);
        // The queue is worked oldest first; the other lists show the newest first.
        ListQuery list = ListQuery.of(request, pageSize, ListQuery.Sorts.by("created_at", queue));
        FormErrors errors = FormErrors.none();
        LocalDate from = Dates.read(list.filter("from"), "from", errors);
        LocalDate to = Dates.read(list.filter("to"), "to", errors);
        boolean usable = Dates.ordered(from, to, "from", errors);
        List<String> statuses = STATUSES.contains(status) ? List.of(status) : List.of();
        ResultPage<Payment> found = usable ? payments.list(statuses, from, to, list.apiPage(), list.size(), list.apiSort())
                : new ResultPage<>(List.of(), 0, list.size(), 0);
        model.addAttribute("list", list);
        model.addAttribute("errors", errors);
        model.addAttribute("queue", queue);
        model.addAttribute("statuses", List.of(new StatusChoice("PENDING", "Under review (the queue)", queue),
                new StatusChoice("APPROVED", "Approved", status.equals("APPROVED")),
                new StatusChoice("REJECTED", "Rejected", status.equals("REJECTED")),
                new StatusChoice("all", "All payments", !STATUSES.contains(status))));
        model.addAttribute("payments", found);
        model.addAttribute("paging", list.paging(found));
        return Htmx.isFragmentRequest(request) ? "payments :: listing" : "payments";
    }

    @GetMapping("/payments/{id}")
    String review(@PathVariable UUID id, Model model) {
        return show(payments.get(id), new Notes("", ""), FormErrors.none(), model);
    }

    /** The proof (or its thumbnail) from payment, with the admin's token; there is no public link to it. */
    @GetMapping("/payments/{id}/image")
    void image(@PathVariable UUID id, @RequestParam(defaultValue = "original") String variant, HttpServletResponse response) {
        payments.stream(id, variant.equals("thumbnail"), response);
    }

    /**
     * Approve, or reject with a note the customer sees. A rejection is confirmed first: a dialog with
     * JavaScript, else this answers with a confirmation page that posts the same again, confirmed.
     */
    @PostMapping("/payments/{id}/review")
    Object decide(@PathVariable UUID id, @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String note,
                  @RequestParam(defaultValue = "") String confirmed, Model model, HttpServletRequest request, HttpServletResponse response) {
        boolean reject = decision.equals("REJECTED");
        if (!reject && !decision.equals("APPROVED")) {
            return Outcomes.refused("/payments/" + id, "Choose Approve or Reject.", request, response);
        }
        String field = reject ? "reject_note" : "approve_note";
        Notes notes = reject ? new Notes("", note) : new Notes(note, "");
        FormErrors found = FormErrors.none();
        if (reject && note.isBlank()) {
            found.field(field, "Tell the customer why the payment is rejected.");
        }
        if (note.strip().length() > MAX_NOTE) {
            found.field(field, "The note can be at most " + MAX_NOTE + " characters.");
        }
        if (!found.isEmpty()) {
            show(payments.get(id), notes, found, model);
            return Outcomes.again("payment", "decision", HttpStatus.BAD_REQUEST, request);
        }
        if (reject && !"true".equals(confirmed)) {
            Payment payment = payments.get(id);
            return Confirmation.show(model, new Confirmation("Reject payment", rejectQuestion(payment),
                    "/payments/" + id + "/review", "Reject payment", "/payments/" + id,
                    Map.of("decision", "REJECTED", "note", note, "confirmed", "true")));
        }
        try {
            Payment decided = payments.review(id, decision, Forms.optional(note));
            String order = fmt.orderNumber(decided.orderId());
            return Outcomes.done("/payments", (reject ? "Rejected the payment for order " : "Approved the payment for order ") + order + ".",
                    request, response);
        }
        catch (ServiceProblem refused) {
            Forms.throwIfForbiddenOrGone(refused);
            show(payments.get(id), notes, Forms.errors(refused, Map.of("note", field), Map.of(field, "Note")), model);
            return Outcomes.again("payment", "decision", Forms.status(refused), request);
        }
    }

    /** What "Reject" asks before it is sent. */
    String rejectQuestion(Payment payment) {
        return "Reject the payment for order " + fmt.orderNumber(payment.orderId())
                + "? The customer sees your note, the order is closed and its vehicles are released.";
    }

    /** The notes as typed into the two forms. */
    record Notes(String approve, String reject) {
    }

    private String show(Payment payment, Notes notes, FormErrors errors, Model model) {
        OrderDetail order = null;
        boolean orderKnown = true;
        try {
            order = orders.get(payment.orderId());
        }
        catch (ServiceProblem problem) {
            if (problem.status() == 403) {
                throw problem;
            }
            orderKnown = false;
        }
        model.addAttribute("payment", payment);
        model.addAttribute("orderNumber", fmt.orderNumber(payment.orderId()));
        model.addAttribute("order", order);
        model.addAttribute("orderKnown", orderKnown);
        model.addAttribute("amountDiffers", order != null && order.total() != null && payment.amount() != null
                && order.total().compareTo(payment.amount()) != 0);
        model.addAttribute("notes", notes);
        model.addAttribute("errors", errors);
        model.addAttribute("rejectQuestion", rejectQuestion(payment));
        return "payment";
    }
}
