package dev.eshop.storefront.order;

import dev.eshop.platform.webapp.Htmx;
import dev.eshop.platform.webapp.WebAppProperties;
import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.platform.webapp.format.Formats;
import dev.eshop.platform.webapp.page.FormErrors;
import dev.eshop.storefront.StorefrontSettings;
import dev.eshop.storefront.site.Paging;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.FragmentsRendering;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * "My orders" and an order's page (spec/ui.md §1.8, §1.9): its status panel with what the customer
 * can do now (upload the proof of payment, cancel, confirm delivery), the timeline, items and totals;
 * the panel alone for htmx polling; the proof's picture streamed from payment.
 */
@Controller
class OrderController {

    static final int DEFAULT_PAGE_SIZE = 10;
    static final int MAX_NOTE = 500;

    /** After an upload, how long to wait for order to take the proof in, so the page shows the new status. */
    static final Duration UPLOAD_SETTLING = Duration.ofSeconds(3);

    /** The status filter of "My orders": its parameter value, label and the statuses it means. */
    enum Filter {
        ALL("", "All", List.of()),
        AWAITING("awaiting", "Awaiting payment", List.of("PENDING_PAYMENT")),
        IN_PROGRESS("in-progress", "In progress", List.of("PAYMENT_SUBMITTED", "PAID", "ON_DELIVERY")),
        COMPLETED("completed", "Completed", List.of("DELIVERED")),
        CLOSED("closed", "Closed", List.of("REJECTED", "EXPIRED", "CANCELLED"));

        final String param;
        final String label;
        final List<String> statuses;

        Filter(String param, String label, List<String> statuses) {
            this.param = param;
            this.label = label;
            this.statuses = statuses;
        }

        static Filter of(String param) {
            for (Filter filter : values()) {
                if (filter.param.equals(param)) {
                    return filter;
                }
            }
            return ALL;
        }
    }

    /** A tab of the status filter. */
    record Tab(String label, String href, boolean current) {
    }

    private final Orders orders;
    private final Payments payments;
    private final StorefrontSettings settings;
    private final Formats fmt;
    private final Clock clock;
    private final int pageSize;

    OrderController(Orders orders, Payments payments, StorefrontSettings settings, Formats fmt, WebAppProperties properties) {
        this.orders = orders;
        this.fmt = fmt;
        this.payments = payments;
        this.settings = settings;
        this.clock = Clock.systemUTC();
        this.pageSize = properties.pageSize("orders", DEFAULT_PAGE_SIZE);
    }

    @GetMapping("/orders")
    String list(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "1") String page, Model model) {
        Filter filter = Filter.of(status);
        int number = pageNumber(page);
        OrderSummary.Page orders = this.orders.mine(number - 1, pageSize, filter.statuses);
        model.addAttribute("orders", orders);
        model.addAttribute("filter", filter);
        model.addAttribute("tabs", Arrays.stream(Filter.values())
                .map(each -> new Tab(each.label, listHref(each, 1), each == filter)).toList());
        model.addAttribute("paging", Paging.of(number, pageSize, orders.total(), n -> listHref(filter, n)));
        return "orders";
    }

    @GetMapping("/orders/{id}")
    String order(@PathVariable UUID id, Model model) {
        show(orders.detail(id), model);
        FormErrors errors = FormErrors.none();
        if (model.getAttribute(UploadLimits.PROBLEM) instanceof String problem) {
            errors.field("image", problem);
        }
        model.addAttribute("errors", errors);
        model.addAttribute("note", "");
        return "order";
    }

    /**
     * The status panel alone, for htmx polling every 30 s: nothing (204) while the status is the one
     * the page shows, so a half-filled upload form stays; the new panel, timeline and badge once it changed.
     */
    @GetMapping("/orders/{id}/status")
    Object status(@PathVariable UUID id, @RequestParam(defaultValue = "") String shown, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        OrderDetail order = orders.detail(id);
        if (order.status().equals(shown) && Htmx.isFragmentRequest(request)) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return null;
        }
        show(order, model);
        model.addAttribute("errors", FormErrors.none());
        model.addAttribute("note", "");
        if (!Htmx.isFragmentRequest(request)) {
            return "redirect:/orders/" + id;
        }
        return FragmentsRendering.fragment("order :: status-panel")
                .fragment("order :: heading-badge", Map.of("oob", true))
                .fragment("order :: timeline", Map.of("oob", true))
                .build();
    }

    @PostMapping("/orders/{id}/payment")
    Object uploadProof(@PathVariable UUID id, @RequestParam(required = false) MultipartFile image,
                       @RequestParam(defaultValue = "") String note,
                       @RequestParam(name = "idempotency_key", defaultValue = "") String idempotencyKey,
                       Model model, RedirectAttributes redirect) throws IOException {
        OrderDetail order = orders.detail(id);
        FormErrors errors = FormErrors.none();
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (image == null || image.isEmpty()) {
            errors.field("image", "Choose the picture of your receipt.");
        }
        if (note.strip().length() > MAX_NOTE) {
            errors.field("note", "The note can be at most " + MAX_NOTE + " characters.");
        }
        if (errors.isEmpty()) {
            try {
                payments.upload(id, image.getBytes(), image.getContentType(), note.strip(),
                        idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey);
                awaitNewStatus(id, order.status());
                redirect.addFlashAttribute("message", "Thank you. We received your proof of payment.");
                return "redirect:/orders/" + id;
            }
            catch (ServiceProblem refused) {
                if (refused.status() == 403) {
                    throw refused;
                }
                status = HttpStatus.valueOf(refused.status());
                explainUpload(refused, errors);
            }
        }
        show(order, model);
        model.addAttribute("errors", errors);
        model.addAttribute("note", note);
        return new ModelAndView("order", status);
    }

    /** Without JavaScript, "Cancel order" asks on a page of its own. */
    @GetMapping("/orders/{id}/cancel")
    String confirmCancel(@PathVariable UUID id, Model model) {
        OrderDetail order = orders.detail(id);
        if (!order.allows("CANCEL")) {
            return "redirect:/orders/" + id;
        }
        model.addAttribute("order", order);
        model.addAttribute("orderNumber", fmt.orderNumber(order.id()));
        return "order-cancel";
    }

    @PostMapping("/orders/{id}/cancel")
    String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            orders.cancel(id);
            redirect.addFlashAttribute("message", "Your order is cancelled. The vehicles have been released.");
        }
        catch (ServiceProblem refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            redirect.addFlashAttribute("alert", refused.detail());
        }
        return "redirect:/orders/" + id;
    }

    @PostMapping("/orders/{id}/confirm-delivery")
    String confirmDelivery(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            orders.confirmDelivery(id);
            redirect.addFlashAttribute("message", "Thank you. Your order is marked as delivered.");
        }
        catch (ServiceProblem refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            redirect.addFlashAttribute("alert", refused.detail());
        }
        return "redirect:/orders/" + id;
    }

    /** The proof of payment's picture, fetched with the customer's token: there is no public link to it. */
    @GetMapping("/orders/{id}/payment-proof")
    void proof(@PathVariable UUID id, @RequestParam(defaultValue = "original") String variant, HttpServletResponse response) {
        OrderDetail order = orders.detail(id);
        if (order.payment() == null || order.payment().paymentId() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        payments.stream(order.payment().paymentId(), "thumbnail".equals(variant), response);
    }

    private void show(OrderDetail order, Model model) {
        Instant now = clock.instant();
        model.addAttribute("order", order);
        model.addAttribute("orderNumber", fmt.orderNumber(order.id()));
        model.addAttribute("secondsLeft", order.secondsLeft(now));
        model.addAttribute("instructions", settings.paymentInstructions());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
    }

    /** Payment's refusal in the shop's words (spec/ui.md §1.9), next to the file input. */
    private static void explainUpload(ServiceProblem refused, FormErrors errors) {
        switch (refused.status()) {
            case 413 -> errors.field("image", UploadLimits.TOO_LARGE);
            case 415 -> errors.field("image", refused.detail().contains("not a JPEG, PNG or WebP")
                    ? "Please upload a JPEG, PNG or WebP image." : refused.detail());
            case 400 -> {
                FormErrors fromPayment = FormErrors.of(refused, Map.of("image", "image", "note", "note"),
                        Map.of("image", "The picture", "note", "The note"));
                fromPayment.fields().forEach(errors::field);
                fromPayment.general().forEach(errors::general);
            }
            default -> errors.general(refused.detail());
        }
    }

    /** Order learns of the proof from payment's event, normally within a second. */
    private void awaitNewStatus(UUID id, String before) {
        Instant until = clock.instant().plus(UPLOAD_SETTLING);
        try {
            while (clock.instant().isBefore(until)) {
                if (!orders.detail(id).status().equals(before)) {
                    return;
                }
                Thread.sleep(250);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (ServiceProblem ex) {
            // The page that follows asks again.
        }
    }

    private static String listHref(Filter filter, int page) {
        UriComponentsBuilder href = UriComponentsBuilder.fromPath("/orders");
        if (filter != Filter.ALL) {
            href.queryParam("status", filter.param);
        }
        if (page > 1) {
            href.queryParam("page", page);
        }
        return href.build().toUriString();
    }

    private static int pageNumber(String page) {
        try {
            return Math.max(1, Integer.parseInt(page.strip()));
        }
        catch (NumberFormatException ex) {
            return 1;
        }
    }
}
