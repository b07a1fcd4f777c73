package dev.eshop.e2e.storefront;

import dev.eshop.e2e.browser.Browser;
import dev.eshop.e2e.shop.AdminApi;
import dev.eshop.e2e.shop.LaunchedShop;
import dev.eshop.e2e.shop.Receipts;
import dev.eshop.e2e.storefront.Shopper.Address;
import dev.eshop.e2e.storefront.Shopper.Customer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the storefront, as a visitor and as a customer, checked by axe-core at phone and
 * desktop width (spec/ui.md §0.5): no serious or critical violations, a unique title and one
 * {@code h1}; orders in each status a customer sees, and the checkout showing a field error. The main
 * pages are kept as screenshots in {@code target/screenshots/}.
 */
class StorefrontAccessibilityTest {

    private static String storefront;
    private static Browser browser;
    private static Shopper shopper;
    private static Customer customer;

    @BeforeAll
    static void signUpACustomer() {
        storefront = LaunchedShop.shared().url("storefront");
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

    /**
     * A visitor's header and the visitor's add-to-cart form, in a browser of its own that never signed
     * in; the cart leads a visitor to auth's sign-in. At phone width the pages fit the screen, and the
     * first Tab lands on the skip link (or the header's first link) with a visible focus ring.
     */
    @Test
    void pagesAVisitorSees() {
        try (Browser visitorBrowser = Browser.withJavaScript()) {
            Shopper visitor = new Shopper(visitorBrowser, storefront);
            Map<String, List<String>> problems = new LinkedHashMap<>();
            check(visitorBrowser, visitor, problems, "/", "Cars and motorcycles — Eshop", "visitor-home");
            assertThat(visitorBrowser.text(By.cssSelector("nav.menu-wide"))).as("the visitor's header").contains("Log in", "Sign up")
                    .doesNotContain("My orders");
            check(visitorBrowser, visitor, problems, "/products", "All vehicles — Eshop", null);
            visitor.open("/products?q=Aurora+Ion").openCard("Aurora Ion SUV");
            String product = visitor.path();
            assertThat(visitorBrowser.all(By.xpath("//div[@id='add-to-cart']//button[contains(normalize-space(), 'Add to cart')]")))
                    .as("the visitor's add-to-cart form").hasSize(1);
            checkHere(visitorBrowser, problems, product, "Aurora Ion SUV — Eshop", "visitor-product");
            check(visitorBrowser, visitor, problems, "/cart", "Log in — Eshop", null);
            assertThat(visitorBrowser.url()).as("a visitor's cart asks for a sign-in first").doesNotStartWith(storefront);

            for (String path : List.of("/", "/products", product)) {
                problems.put(path + " at 390 px, first Tab", phoneLayoutAndFirstTab(visitorBrowser, visitor, path));
            }
            assertNone(problems);
        }
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
        shopper.enterAddress(new Address("1200 W Fulton Market", "Chicago", "IL", "606"));
        browser.click(By.xpath("//button[normalize-space()='Calculate shipping']"));
        shopper.see("Zip code must be exactly 5 digits.");
        assertThat(browser.find(By.id("zip_code")).getAttribute("aria-invalid")).as("the short zip code").isEqualTo("true");
        checkHere(problems, "/checkout (zip code error)", "Checkout — Eshop", "checkout-error");
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

        // The admin approves and ships it (over the API); the customer confirms its arrival.
        AdminApi admin = AdminApi.of(LaunchedShop.shared());
        admin.approvePaymentOf(paid);
        shopper.reloadUntil("Payment approved. We are preparing your delivery.");
        checkHere(problems, "/orders/{id} (paid)", "Order #" + number(paid) + " — Eshop", "order-paid");
        admin.ship(paid, "DHL, tracking 4711");
        shopper.reloadUntil("Your order is on its way.");
        checkHere(problems, "/orders/{id} (on delivery)", "Order #" + number(paid) + " — Eshop", "order-on-delivery");
        browser.click(By.xpath("//button[normalize-space()='I have received my order']"));
        shopper.see("Thank you. Your order is marked as delivered.");
        checkHere(problems, "/orders/{id} (delivered)", "Order #" + number(paid) + " — Eshop", null);

        // A receipt the admin rejects.
        String rejected = order("Tanaka Kaze 300");
        shopper.chooseReceipt(Receipts.pngFile());
        browser.click(By.xpath("//button[normalize-space()='Upload proof of payment']"));
        shopper.see("Thank you. We received your proof of payment.");
        admin.rejectPaymentOf(rejected, "The amount does not match the order.");
        shopper.reloadUntil("Your payment was not accepted");
        checkHere(problems, "/orders/{id} (rejected)", "Order #" + number(rejected) + " — Eshop", null);

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
        check(browser, shopper, problems, path, title, screenshot);
    }

    private static void check(Browser session, Shopper person, Map<String, List<String>> problems, String path, String title,
                              String screenshot) {
        person.open(path);
        checkHere(session, problems, path, title, screenshot);
    }

    private static void checkHere(Map<String, List<String>> problems, String page, String title, String screenshot) {
        checkHere(browser, problems, page, title, screenshot);
    }

    /** The open page at both widths: axe's serious and critical findings, its title and its one h1. */
    private static void checkHere(Browser session, Map<String, List<String>> problems, String page, String title, String screenshot) {
        session.find(By.tagName("footer"));
        List<String> found = new ArrayList<>();
        if (!session.title().equals(title)) {
            found.add("title is \"" + session.title() + "\", expected \"" + title + "\"");
        }
        int headings = session.all(By.tagName("h1")).size();
        if (headings != 1) {
            found.add(headings + " h1 elements");
        }
        session.size(Browser.PHONE);
        session.accessibilityViolations().forEach(violation -> found.add("phone: " + violation));
        session.size(Browser.DESKTOP);
        session.accessibilityViolations().forEach(violation -> found.add("desktop: " + violation));
        if (screenshot != null) {
            session.screenshots(screenshot);
        }
        problems.put(page, found);
    }

    /**
     * The page at phone width: nothing wider than the screen (no sideways scrolling), and the first Tab
     * from the top on the skip link or the header's first link, on screen and with a focus ring.
     */
    @SuppressWarnings("unchecked")
    private static List<String> phoneLayoutAndFirstTab(Browser session, Shopper person, String path) {
        List<String> found = new ArrayList<>();
        session.size(Browser.PHONE);
        try {
            person.open(path);
            session.find(By.tagName("footer"));
            JavascriptExecutor js = (JavascriptExecutor) session.driver();
            Map<String, Object> widths = (Map<String, Object>) js.executeScript(
                    "return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth};");
            long scroll = ((Number) widths.get("scroll")).longValue();
            long inner = ((Number) widths.get("inner")).longValue();
            if (scroll > inner) {
                found.add("the page is " + scroll + " px wide in a " + inner + " px window");
            }
            new Actions(session.driver()).sendKeys(Keys.TAB).perform();
            Map<String, Object> focus = (Map<String, Object>) js.executeScript("""
                    const e = document.activeElement;
                    const style = getComputedStyle(e);
                    const box = e.getBoundingClientRect();
                    return {
                      element: e.outerHTML.slice(0, 120),
                      first: e.classList.contains('skip-link') || e === document.querySelector('header a[href]'),
                      ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
                      outline: style.outlineStyle + ' ' + style.outlineWidth + ', box-shadow ' + style.boxShadow,
                      onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
                                && box.left < window.innerWidth && box.top < window.innerHeight
                    };""");
            if (!Boolean.TRUE.equals(focus.get("first"))) {
                found.add("the first Tab focuses " + focus.get("element") + ", not the skip link or the header's first link");
            }
            if (!Boolean.TRUE.equals(focus.get("ring"))) {
                found.add("no visible focus ring on " + focus.get("element") + " (outline " + focus.get("outline") + ")");
            }
            if (!Boolean.TRUE.equals(focus.get("onScreen"))) {
                found.add("the focused " + focus.get("element") + " is off screen");
            }
        }
        finally {
            session.size(Browser.DESKTOP);
        }
        return found;
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
