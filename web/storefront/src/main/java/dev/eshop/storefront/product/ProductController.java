package dev.eshop.storefront.product;

import dev.eshop.platform.webapp.Htmx;
import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.platform.webapp.format.Formats;
import dev.eshop.platform.webapp.page.FormErrors;
import dev.eshop.platform.webapp.security.SignedInUser;
import dev.eshop.storefront.cart.Cart;
import dev.eshop.storefront.cart.Carts;
import dev.eshop.storefront.cart.Carts.ShortProduct;
import dev.eshop.storefront.catalogue.Catalogue;
import dev.eshop.storefront.catalogue.ProductDetail;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The product page (spec/ui.md §1.5) and its "Add to cart" form, which posts to {@code /cart/lines}
 * and comes back here: with a message and the badge updated, or with the cart's problem next to the
 * quantity and the quantity kept.
 */
@Controller
class ProductController {

    /** The most units of one vehicle a cart line may have (cart's {@code max-quantity-per-line}). */
    static final int MAX_PER_LINE = 10;

    private final Catalogue catalogue;
    private final Carts carts;
    private final Formats fmt;

    ProductController(Catalogue catalogue, Carts carts, Formats fmt) {
        this.catalogue = catalogue;
        this.carts = carts;
        this.fmt = fmt;
    }

    /** The product; {@code quantity} preselects the picker (a visitor's choice, kept through signing in). */
    @GetMapping("/products/{id}")
    String product(@PathVariable String id, @RequestParam(required = false) String image,
                   @RequestParam(required = false) String quantity, Model model) {
        ProductDetail product = find(id);
        show(product, parse(image), model);
        Integer wanted = quantity == null ? null : Cart.parseQuantity(quantity);
        boolean offered = wanted != null && wanted >= 1 && wanted <= maxQuantity(product);
        model.addAttribute("quantity", offered ? wanted.toString() : "1");
        model.addAttribute("errors", FormErrors.none());
        return "product";
    }

    /**
     * A visitor's "Add to cart": the URL needs a signed-in customer, so the security rules send the
     * visitor through sign-in first; back here, the product page again with the quantity chosen, to
     * add it for real. A GET that changes nothing, so browsing starts no session.
     */
    @GetMapping("/cart/lines/new")
    String afterSignIn(@RequestParam(name = "product_id", defaultValue = "") String productId,
                       @RequestParam(defaultValue = "1") String quantity) {
        UUID id = parse(productId);
        if (id == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Integer units = Cart.parseQuantity(quantity);
        return "redirect:/products/" + id + (units != null && units > 1 && units <= MAX_PER_LINE ? "?quantity=" + units : "");
    }

    @PostMapping("/cart/lines")
    Object addToCart(@RequestParam(name = "product_id", defaultValue = "") String productId,
                     @RequestParam(defaultValue = "1") String quantity,
                     @RequestParam(name = "idempotency_key", defaultValue = "") String idempotencyKey,
                     Model model, HttpServletRequest request, RedirectAttributes redirect) {
        ProductDetail product = find(productId);
        FormErrors errors = FormErrors.none();
        HttpStatus status = HttpStatus.BAD_REQUEST;
        Integer units = Cart.parseQuantity(quantity);
        if (units == null) {
            errors.field("quantity", "Enter the number of vehicles as a whole number.");
        }
        else {
            String key = idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
            try {
                Cart cart = carts.add(product.id(), units, key);
                SiteHeader.rememberCartCount(request, cart.totalQuantity());
                String message = "Added " + units + " × " + product.name() + " to your cart.";
                if (Htmx.isFragmentRequest(request)) {
                    show(product, null, model);
                    model.addAttribute("quantity", "1");
                    model.addAttribute("errors", errors);
                    return Updates.of("product :: add-to-cart", message, "/cart", "View cart");
                }
                redirect.addFlashAttribute("message", message);
                redirect.addFlashAttribute("messageLink", "/cart");
                redirect.addFlashAttribute("messageLinkText", "View cart");
                return "redirect:/products/" + product.id();
            }
            catch (ServiceProblem refused) {
                if (refused.status() == 403) {
                    throw refused;
                }
                status = HttpStatus.valueOf(refused.status());
                explain(refused, units, errors);
            }
        }
        show(product, null, model);
        model.addAttribute("quantity", quantity);
        model.addAttribute("errors", errors);
        if (Htmx.isFragmentRequest(request)) {
            return Updates.failed("product :: add-to-cart", status);
        }
        return new ModelAndView("product", status);
    }

    /** The cart's refusal in the shop's words, next to the quantity. */
    private static void explain(ServiceProblem refused, int units, FormErrors errors) {
        if (refused.is("insufficient-stock")) {
            ShortProduct[] shortOnes = refused.member("short_products", ShortProduct[].class).orElse(new ShortProduct[0]);
            ShortProduct item = Arrays.stream(shortOnes).findFirst().orElse(null);
            if (item == null) {
                errors.field("quantity", refused.detail());
                return;
            }
            int inCart = Math.max(0, item.requested() - units);
            String message = item.available() <= 0 ? "Out of stock."
                    : inCart > 0 ? "Only " + item.available() + " in stock, and you already have " + inCart + " in your cart."
                    : "Only " + item.available() + " in stock.";
            errors.field("quantity", message);
            return;
        }
        if (refused.status() == 404) {
            errors.general("This vehicle is no longer sold.");
            return;
        }
        if (refused.unavailable()) {
            errors.general(ServiceProblem.NOT_RESPONDING);
            return;
        }
        FormErrors fromCart = FormErrors.of(refused, Map.of("quantity", "quantity"), Map.of("quantity", "Quantity"));
        fromCart.fields().forEach(errors::field);
        fromCart.general().forEach(errors::general);
    }

    private void show(ProductDetail product, UUID image, Model model) {
        model.addAttribute("product", product);
        model.addAttribute("gallery", Gallery.of(product, image));
        model.addAttribute("specs", Specs.of(product.attributes(), fmt));
        model.addAttribute("paragraphs", paragraphs(product.description()));
        model.addAttribute("maxQuantity", maxQuantity(product));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("signedIn", SignedInUser.current().isPresent());
        model.addAttribute("adminOnly", SignedInUser.current().map(user -> user.admin() && !user.customer()).orElse(false));
        model.addAttribute("modelLine", modelLine(product));
    }

    /** The most the picker offers: min(10, stock), at least 1. */
    private static int maxQuantity(ProductDetail product) {
        return Math.max(1, Math.min(MAX_PER_LINE, product.stock()));
    }

    /** "Mazda · CX-60 · 2024", leaving out what is missing. */
    private static String modelLine(ProductDetail product) {
        Object model = product.attributes().get("model");
        return Stream.of(product.brand(), model == null ? null : model.toString(),
                        product.year() == null ? null : product.year().toString())
                .filter(part -> part != null && !part.isBlank())
                .reduce((a, b) -> a + " · " + b).orElse("");
    }

    private static List<String> paragraphs(String description) {
        return Arrays.stream(description.split("\\R\\s*\\R")).map(String::strip).filter(text -> !text.isEmpty()).toList();
    }

    private ProductDetail find(String id) {
        UUID productId = parse(id);
        if (productId == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return catalogue.product(productId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id.strip());
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
