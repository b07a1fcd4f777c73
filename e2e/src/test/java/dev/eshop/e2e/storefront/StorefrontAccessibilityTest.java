package dev.eshop.e2e.storefront;

import dev.eshop.e2e.browser.Browser;
import dev.eshop.e2e.shop.LaunchedShop;
import dev.eshop.e2e.shop.Receipts;
import dev.eshop.e2e.storefront.Shopper.Address;
import dev.eshop.e2e.storefront.Shopper.Customer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the storefront, as a visitor and as a customer, checked by axe-core at phone and
 * desktop width (spec/ui.md §0.5): no serious or critical violations, a unique title and one
 * {@code h1}. The main pages are kept as screenshots in {@code target/screenshots/}.
 */
class StorefrontAccessibilityTest {

    private static Browser browser;
    private static Shopper shopper;
    private static Customer customer;

    @BeforeAll
    static void signUpACustomer() {
        String storefront = LaunchedShop.shared().url("storefront");
        browser = Browser.withJavaScript();
        shopper = new Shopper(browser, storefront);
        customer = Customer.fresh("Alex Axe");
        shopper.newVisitor().signUp(customer);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void pagesEveryoneSees() {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        check(problems, "/", "Cars and motorcycles — Eshop", "home");
        check(problems, "/products", "All vehicles — Eshop", "catalogue");
        check(problems, "/products?q=volta&brand=Volta&min_price=5000&sort=price-desc", "All vehicles — Eshop", null);
        check(problems, "/products?q=no+such+vehicle+anywhere", "All vehicles — Eshop", null);
        check(problems, "/products?min_price=cheap", "All vehicles — Eshop", null);
        check(problems, "/category/motorcycles", "Motorcycles — Eshop", "category");
        check(problems, "/category/suv", "SUV — Eshop", null);
        shopper.open("/products?q=Aurora+Ion").openCard("Aurora Ion SUV");
        check(problems, shopper.path(), "Aurora Ion SUV — Eshop", "product");
        check(problems, "/products/" + UUID.randomUUID(), "Page not found — Eshop", "not-found");
        check(problems, "/no-such-page", "Page not found — Eshop", null);
        assertNone(problems);
    }

    @Test
    void theCartAndCheckout() {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        shopper.emptyCart();
        check(problems, "/cart", "Cart — Eshop", "cart-empty");

        shopper.open("/products?q=Kestrel+Pip").openCard("Kestrel Pip 1.0").addToCart();
        shopper.see("Added 1 × Kestrel Pip 1.0 to your cart.");
        check(problems, shopper.path(), "Kestrel Pip 1.0 — Eshop", null);
        shopper.open("/products?q=Tanaka+Glide").openCard("Tanaka Glide 300").addToCart();
        shopper.see("Added 1 × Tanaka Glide 300 to your cart.");
        check(problems, "/cart", "Cart — Eshop", "cart");
        check(problems, "/cart/clear", "Empty your cart — Eshop", null);

        shopper.open("/checkout");
        check(problems, "/checkout", "Checkout — Eshop", null);
        shopper.enterAddress(Address.CHICAGO);
        shopper.see("Total");
        checkHere(problems, "/checkout (quoted)", "Checkout — Eshop", "checkout");
        assertNone(problems);
    }

    @Test
    void ordersAndTheAccount() {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        String cancelled = order("Strada Nuda 900");
        shopper.open("/orders/" + cancelled + "/cancel");
        checkHere(problems, "/orders/{id}/cancel", "Cancel order #" + number(cancelled) + " — Eshop", null);
        browser.click(By.xpath("//main//button[normalize-space()='Cancel order']"));
        shopper.see("Your order is cancelled.");
        checkHere(problems, "/orders/{id} (cancelled)", "Order #" + number(cancelled) + " — Eshop", null);

        String paid = order("Tanaka Trail 250");
        checkHere(problems, "/orders/{id} (awaiting payment)", "Order #" + number(paid) + " — Eshop", "order");
        shopper.chooseReceipt(Receipts.pngFile());
        browser.click(By.xpath("//button[normalize-space()='Upload proof of payment']"));
        shopper.see("Thank you. We received your proof of payment.");
        shopper.reloadUntil("Payment under review");
        checkHere(problems, "/orders/{id} (payment under review)", "Order #" + number(paid) + " — Eshop", "order-under-review");

        check(problems, "/orders", "My orders — Eshop", "orders");
        check(problems, "/orders?status=closed", "My orders — Eshop", null);
        check(problems, "/orders?status=completed", "My orders — Eshop", null);
        check(problems, "/account", "Your account — Eshop", "account");
        assertNone(problems);
    }

    /** A new order of one vehicle, placed through the cart and checkout; its page is left open. */
    private static String order(String vehicle) {
        shopper.emptyCart().open("/products?q=" + vehicle.replace(' ', '+')).openCard(vehicle).addToCart();
        shopper.see("Added 1 × " + vehicle + " to your cart.");
        shopper.open("/checkout");
        if (browser.all(By.xpath("//button[normalize-space()='Place order']")).isEmpty()) {
            shopper.enterAddress(Address.CHICAGO);
            shopper.see("Total");
        }
        String id = shopper.placeOrder();
        shopper.see("Order placed.");
        return id;
    }

    private static String number(String orderId) {
        return orderId.substring(28).toUpperCase();
    }

    private static void check(Map<String, List<String>> problems, String path, String title, String screenshot) {
        shopper.open(path);
        checkHere(problems, path, title, screenshot);
    }

    /** The open page at both widths: axe's serious and critical findings, its title and its one h1. */
    private static void checkHere(Map<String, List<String>> problems, String page, String title, String screenshot) {
        browser.find(By.tagName("footer"));
        List<String> found = new ArrayList<>();
        if (!browser.title().equals(title)) {
            found.add("title is \"" + browser.title() + "\", expected \"" + title + "\"");
        }
        int headings = browser.all(By.tagName("h1")).size();
        if (headings != 1) {
            found.add(headings + " h1 elements");
        }
        browser.size(Browser.PHONE);
        browser.accessibilityViolations().forEach(violation -> found.add("phone: " + violation));
        browser.size(Browser.DESKTOP);
        browser.accessibilityViolations().forEach(violation -> found.add("desktop: " + violation));
        if (screenshot != null) {
            browser.screenshots(screenshot);
        }
        problems.put(page, found);
    }

    private static void assertNone(Map<String, List<String>> problems) {
        StringBuilder report = new StringBuilder();
        problems.forEach((page, found) -> {
            if (!found.isEmpty()) {
                report.append('\n').append(page).append(':');
                found.forEach(problem -> report.append("\n  ").append(problem));
            }
        });
        assertThat(report.toString()).as("accessibility problems on %d pages checked", problems.size()).isEmpty();
    }
}
