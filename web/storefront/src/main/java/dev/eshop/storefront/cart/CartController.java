package dev.eshop.storefront.cart;

import dev.eshop.platform.webapp.Htmx;
import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.platform.webapp.page.FormErrors;
import dev.eshop.storefront.site.SiteHeader;
import dev.eshop.storefront.site.Updates;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.UUID;

/**
 * The cart page (spec/ui.md §1.6): each line's quantity and note, removing a line, emptying the
 * cart. After every change the cart is rendered again from cart's answer, and the badge follows.
 */
@Controller
class CartController {

    static final int MAX_NOTE = 200;

    private final Carts carts;

    CartController(Carts carts) {
        this.carts = carts;
    }

    @GetMapping("/cart")
    String cart(Model model, HttpServletRequest request) {
        show(carts.mine(), model, request);
        return "cart";
    }

    /** A line's quantity and note, as the row's form sends them. */
    @PostMapping("/cart/lines/{productId}")
    Object change(@PathVariable UUID productId, @RequestParam(defaultValue = "") String quantity,
                  @RequestParam(defaultValue = "") String note, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        Integer wanted = Cart.parseQuantity(quantity);
        String problem;
        HttpStatus status;
        if (wanted == null) {
            problem = "Enter the number of vehicles as a whole number.";
            status = HttpStatus.BAD_REQUEST;
        }
        else if (note.strip().length() > MAX_NOTE) {
            problem = "The note can be at most " + MAX_NOTE + " characters.";
            status = HttpStatus.BAD_REQUEST;
        }
        else {
            try {
                Cart cart = carts.change(productId, wanted, note.strip());
                String message = "Updated " + cart.line(productId).map(Cart.Line::displayName).orElse("your cart") + ".";
                return changed(cart, message, model, request, redirect);
            }
            catch (ServiceProblem refused) {
                if (refused.unavailable() || refused.status() == 403) {
                    throw refused;
                }
                if (refused.status() == 404) {
                    // Removed meanwhile (another tab, or the product was withdrawn): the cart as it is now, and why.
                    String gone = "That vehicle is no longer in your cart.";
                    if (Htmx.isFragmentRequest(request)) {
                        show(carts.mine(), model, request);
                        return Updates.alert("cart :: cart", gone);
                    }
                    redirect.addFlashAttribute("alert", gone);
                    return "redirect:/cart";
                }
                problem = refused.errors().isEmpty() ? refused.detail()
                        : refused.errors().stream().map(error -> FormErrors.sentence("note".equals(error.field()) ? "Note" : "Quantity",
                                error.message())).findFirst().orElseThrow();
                status = HttpStatus.valueOf(refused.status());
            }
        }
        // The cart as it is now, with the row's problem and what the customer typed.
        show(carts.mine(), model, request);
        model.addAttribute("lineErrors", Map.of(productId, problem));
        model.addAttribute("entered", Map.of(productId, new Entered(quantity, note)));
        if (Htmx.isFragmentRequest(request)) {
            return Updates.failed("cart :: cart", status);
        }
        return new ModelAndView("cart", status);
    }

    @PostMapping("/cart/lines/{productId}/remove")
    Object remove(@PathVariable UUID productId, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        String name = carts.mine().line(productId).map(Cart.Line::displayName).orElse("The vehicle");
        Cart cart = carts.remove(productId);
        return changed(cart, "Removed " + name + " from your cart.", model, request, redirect);
    }

    /** Without JavaScript, "Empty cart" asks on a page of its own. */
    @GetMapping("/cart/clear")
    String confirmClear(Model model, HttpServletRequest request) {
        show(carts.mine(), model, request);
        return "cart-clear";
    }

    @PostMapping("/cart/clear")
    Object clear(Model model, HttpServletRequest request, RedirectAttributes redirect) {
        return changed(carts.clear(), "Your cart is now empty.", model, request, redirect);
    }

    private Object changed(Cart cart, String message, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        if (Htmx.isFragmentRequest(request)) {
            show(cart, model, request);
            return Updates.of("cart :: cart", message);
        }
        redirect.addFlashAttribute("message", message);
        return "redirect:/cart";
    }

    private static void show(Cart cart, Model model, HttpServletRequest request) {
        SiteHeader.rememberCartCount(request, cart.totalQuantity());
        model.addAttribute("cart", cart);
        model.addAttribute("lineErrors", Map.of());
        model.addAttribute("entered", Map.of());
    }

    /** What the customer typed into a row, shown again next to its problem. */
    record Entered(String quantity, String note) {
    }
}
