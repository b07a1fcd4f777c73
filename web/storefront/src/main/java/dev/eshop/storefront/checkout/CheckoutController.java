package dev.eshop.storefront.checkout;

import dev.eshop.platform.webapp.Htmx;
import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.platform.webapp.format.Formats;
import dev.eshop.platform.webapp.page.FormErrors;
import dev.eshop.storefront.cart.Cart;
import dev.eshop.storefront.cart.Carts;
import dev.eshop.storefront.cart.Carts.ShortProduct;
import dev.eshop.storefront.order.Orders;
import dev.eshop.storefront.order.Quote;
import dev.eshop.storefront.site.SiteHeader;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.FragmentsRendering;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Checkout (spec/ui.md §1.7, flows.md §1.4): the delivery address, a live quote from order (htmx on
 * a 5-digit zip code, or the "Calculate shipping" button), and placing the order at cart with the
 * total the customer saw and the Idempotency-Key made when the page was shown.
 */
@Controller
class CheckoutController {

    static final String CHANGED = "Prices or shipping changed since you looked. Please check and place the order again.";
    static final String NOT_PLACED = "We could not place your order just now. Nothing was charged; please try again.";
    static final String EMPTY = "Your cart is empty.";

    private final Carts carts;
    private final Orders orders;
    private final Formats fmt;

    CheckoutController(Carts carts, Orders orders, Formats fmt) {
        this.carts = carts;
        this.orders = orders;
        this.fmt = fmt;
    }

    /** The summary's state: the quote (null until there is one) and what stands in the way. */
    record Summary(Quote quote, List<Problem> problems, String message) {
    }

    /** A problem with a vehicle in the cart, with the way back to the cart to fix it. */
    record Problem(String text, boolean fixInCart) {
    }

    @GetMapping("/checkout")
    String checkout(Model model, HttpServletRequest request, RedirectAttributes redirect) {
        Cart cart = carts.mine();
        if (cart.isEmpty()) {
            redirect.addFlashAttribute("alert", EMPTY);
            return "redirect:/cart";
        }
        AddressForm form = lastAddress().orElseGet(AddressForm::empty);
        FormErrors errors = FormErrors.none();
        Summary summary = form.hasZipCode() ? quote(cart, form, errors) : new Summary(null, List.of(), null);
        show(cart, form, errors, summary, UUID.randomUUID().toString(), model, request);
        return "checkout";
    }

    /** The quote for the address as entered: the summary alone for htmx, the whole page without JavaScript. */
    @PostMapping("/checkout/quote")
    Object quote(@RequestParam Map<String, String> fields, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        Cart cart = carts.mine();
        if (cart.isEmpty()) {
            redirect.addFlashAttribute("alert", EMPTY);
            return "redirect:/cart";
        }
        AddressForm form = AddressForm.from(fields);
        FormErrors errors = FormErrors.none();
        Summary summary;
        if (form.hasZipCode()) {
            summary = quote(cart, form, errors);
        }
        else {
            errors.field("zip_code", "Zip code must be exactly 5 digits.");
            summary = new Summary(null, List.of(), null);
        }
        show(cart, form, errors, summary, key(fields), model, request);
        if (Htmx.isFragmentRequest(request)) {
            return FragmentsRendering.fragment("checkout :: summary")
                    .fragment("checkout :: zip-field", Map.of("oob", true))
                    .build();
        }
        return "checkout";
    }

    @PostMapping("/checkout")
    Object placeOrder(@RequestParam Map<String, String> fields, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        AddressForm form = AddressForm.from(fields);
        String key = key(fields);
        BigDecimal expectedTotal = amount(fields.get("expected_total"));
        FormErrors errors = FormErrors.none();
        Summary summary;
        HttpStatus status;
        try {
            Carts.PlacedOrder placed = carts.checkout(form.toAddress(), expectedTotal, key);
            redirect.addFlashAttribute("message", "Order placed. Please pay " + fmt.money(placed.total()) + " within "
                    + window(placed.paymentDueAt()) + ".");
            return "redirect:/orders/" + placed.orderId();
        }
        catch (ServiceProblem refused) {
            if (refused.is("invalid-state")) {
                redirect.addFlashAttribute("alert", EMPTY);
                return "redirect:/cart";
            }
            if (refused.status() == 403) {
                throw refused;
            }
            status = refused.unavailable() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.valueOf(refused.status());
            if (refused.is("quote-changed")) {
                summary = new Summary(refused.member("quote", Quote.class).orElse(null), List.of(), CHANGED);
            }
            else if (refused.unavailable()) {
                summary = new Summary(null, List.of(), NOT_PLACED);
            }
            else {
                List<Problem> problems = problems(refused);
                if (problems.isEmpty()) {
                    FormErrors fromCart = FormErrors.of(refused, AddressForm.FIELDS, AddressForm.LABELS);
                    fromCart.fields().forEach(errors::field);
                    fromCart.general().forEach(errors::general);
                }
                summary = new Summary(null, problems, null);
            }
        }
        Cart cart = carts.mine();
        if (cart.isEmpty()) {
            redirect.addFlashAttribute("alert", EMPTY);
            return "redirect:/cart";
        }
        if (summary.quote() == null && summary.problems().isEmpty() && form.hasZipCode() && !errors.has("zip_code")) {
            Summary requoted = quote(cart, form, FormErrors.none());
            summary = new Summary(requoted.quote(), requoted.problems(), summary.message());
        }
        show(cart, form, errors, summary, key, model, request);
        return new ModelAndView("checkout", status);
    }

    private Summary quote(Cart cart, AddressForm form, FormErrors errors) {
        List<Orders.QuoteLine> lines = cart.lines().stream().map(line -> new Orders.QuoteLine(line.productId(), line.quantity())).toList();
        try {
            return new Summary(orders.quote(lines, form.zipCode().strip()), List.of(), null);
        }
        catch (ServiceProblem refused) {
            if (refused.unavailable()) {
                return new Summary(null, List.of(), ServiceProblem.NOT_RESPONDING);
            }
            if (refused.status() == 400) {
                FormErrors fromOrder = FormErrors.of(refused, AddressForm.FIELDS, AddressForm.LABELS);
                fromOrder.fields().forEach(errors::field);
                fromOrder.general().forEach(errors::general);
                return new Summary(null, List.of(), null);
            }
            List<Problem> problems = problems(refused);
            if (problems.isEmpty()) {
                if (refused.status() == 403) {
                    throw refused;
                }
                return new Summary(null, List.of(), refused.detail());
            }
            return new Summary(null, problems, null);
        }
    }

    /** Short stock and vehicles no longer sold, one line each (flows.md §1.4). */
    private static List<Problem> problems(ServiceProblem refused) {
        List<Problem> problems = new ArrayList<>();
        if (refused.is("insufficient-stock")) {
            for (ShortProduct item : refused.member("short_products", ShortProduct[].class).orElse(new ShortProduct[0])) {
                String name = item.name() == null ? "a vehicle in your cart" : item.name();
                problems.add(new Problem(item.available() <= 0 ? name + " is out of stock."
                        : "Only " + item.available() + " of " + name + (item.available() == 1 ? " is" : " are") + " available.", true));
            }
        }
        else if (refused.is("product-unavailable")) {
            for (Unavailable item : refused.member("unavailable_products", Unavailable[].class).orElse(new Unavailable[0])) {
                String name = item.name() == null ? "A vehicle in your cart" : item.name();
                problems.add(new Problem(name + " is no longer sold. Remove it from your cart.", true));
            }
        }
        if (problems.isEmpty() && (refused.is("insufficient-stock") || refused.is("product-unavailable"))) {
            problems.add(new Problem(refused.detail(), true));
        }
        return problems;
    }

    private void show(Cart cart, AddressForm form, FormErrors errors, Summary summary, String key, Model model,
                      HttpServletRequest request) {
        SiteHeader.rememberCartCount(request, cart.totalQuantity());
        model.addAttribute("cart", cart);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("summary", summary);
        model.addAttribute("idempotencyKey", key);
    }

    private Optional<AddressForm> lastAddress() {
        try {
            return orders.latest().filter(order -> order.address() != null).map(order -> AddressForm.of(order.address()));
        }
        catch (ServiceProblem problem) {
            // No prefill; the customer types the address.
            return Optional.empty();
        }
    }

    /** "24 hours", "1 hour", "45 minutes": how long the customer has to pay. */
    private static String window(Instant dueAt) {
        if (dueAt == null) {
            return "the time shown on the order";
        }
        long minutes = Math.max(1, Math.round(Duration.between(Instant.now(), dueAt).toSeconds() / 60.0));
        if (minutes < 60) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        long hours = Math.round(minutes / 60.0);
        return hours + (hours == 1 ? " hour" : " hours");
    }

    /** The key made when the page was shown: a repeated submit (double click, reload) places one order. */
    private static String key(Map<String, String> fields) {
        String key = fields.get("idempotency_key");
        return key == null || key.isBlank() || key.length() > 100 ? UUID.randomUUID().toString() : key;
    }

    private static BigDecimal amount(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    record Unavailable(UUID productId, String name) {
    }
}
