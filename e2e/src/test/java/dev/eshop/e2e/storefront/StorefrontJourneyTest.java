package dev.eshop.e2e.storefront;

import dev.eshop.e2e.browser.Browser;
import dev.eshop.e2e.shop.AdminApi;
import dev.eshop.e2e.shop.LaunchedShop;
import dev.eshop.e2e.shop.Receipts;
import dev.eshop.e2e.storefront.Shopper.Address;
import dev.eshop.e2e.storefront.Shopper.Customer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront in Chromium with JavaScript, against the launched shop (spec/ui.md §1, flows.md
 * §1.1–1.10): a visitor finds a vehicle, signs up when adding it to the cart, checks out with a live
 * quote, uploads a receipt and sees the order paid once the admin approves it; a customer cancels an
 * unpaid order and the stock comes back; logging out and in again returns to the page.
 */
class StorefrontJourneyTest {

    private static Browser browser;
    private static Shopper shopper;
    private static String storefront;

    @BeforeAll
    static void openBrowser() {
        storefront = LaunchedShop.shared().url("storefront");
        browser = Browser.withJavaScript();
        shopper = new Shopper(browser, storefront);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void newVisitor() {
        shopper.newVisitor();
    }

    @Test
    void aVisitorFindsAVehicleSignsUpOnTheWayToTheCartAndPaysForIt() {
        // Home: the hero, the category tiles with their counts, the new arrivals.
        assertThat(browser.title()).isEqualTo("Cars and motorcycles — Eshop");
        shopper.see("Find your next car or motorcycle");
        // The counts are product's: the demo's 24 cars and 16 motorcycles, and whatever other journeys added.
        assertThat(browser.text(By.cssSelector(".tiles"))).contains("Cars", vehiclesIn("cars", 24), "Motorcycles", vehiclesIn("motorcycles", 16));
        assertThat(browser.all(By.cssSelector("#main .grid-products .card"))).as("new arrivals").hasSize(8);

        // Search from the header, then narrow the results down by brand (htmx refreshes them and the URL).
        shopper.search("hybrid");
        browser.waitForUrl("/products?q=hybrid");
        assertThat(browser.text(By.id("results-count"))).isEqualTo("3 vehicles");
        assertThat(cardNames()).containsExactlyInAnyOrder("Aurora Lumen Hybrid", "Aurora Vista Plug-in", "Solano Piccolo Hybrid");
        browser.click(By.xpath("//form[@id='filters']//label[contains(., 'Aurora')]/input[@name='brand']"));
        waitUntil("the results to show only Aurora's two", () -> browser.text(By.id("results-count")).equals("2 vehicles"));
        assertThat(cardNames()).containsExactlyInAnyOrder("Aurora Lumen Hybrid", "Aurora Vista Plug-in");
        assertThat(browser.url()).as("the filter is in the URL").contains("brand=Aurora");
        assertThat(browser.text(By.cssSelector("ul[aria-label='Active filters']"))).contains("Search: hybrid", "Brand: Aurora");

        // The product page: breadcrumb, gallery, price, stock, specifications.
        shopper.openCard("Aurora Lumen Hybrid");
        String productPath = shopper.path();
        assertThat(browser.title()).isEqualTo("Aurora Lumen Hybrid — Eshop");
        assertThat(browser.text(By.cssSelector("nav.breadcrumb"))).contains("Home", "Cars", "Sedan", "Aurora Lumen Hybrid");
        assertThat(browser.find(By.id("gallery-main")).getAttribute("alt")).isEqualTo("Aurora Lumen Hybrid, photo 1 of 1");
        assertThat(browser.text(By.cssSelector(".price-large"))).isEqualTo("$38,450.00");
        assertThat(shopper.stockShown()).isPositive();
        assertThat(browser.text(By.cssSelector("#main table"))).contains("Brand", "Aurora", "Year", "2026");

        // Adding to the cart needs an account: auth's sign-in, "Create an account", and back to this page.
        shopper.addToCart();
        shopper.see("Create an account");
        Customer customer = Customer.fresh("Jamie Journey");
        shopper.createAccountAtAuth(customer);
        assertThat(shopper.path()).as("back on the product page after signing up").isEqualTo(productPath);
        assertThat(browser.text(By.cssSelector("nav.menu-wide"))).contains("My orders", "Jamie Journey", "Log out");

        // Now it goes in, with a message and the badge updated in place.
        shopper.addToCart();
        shopper.see("Added 1 × Aurora Lumen Hybrid to your cart.");
        waitUntil("the cart badge to count the vehicle", () -> shopper.cartBadge().equals("Cart (1)"));
        assertThat(browser.find(By.id("cart-badge")).getAttribute("aria-label")).isEqualTo("Cart, 1 vehicle");
        assertThat(shopper.path()).as("no page change with JavaScript").isEqualTo(productPath);

        // The cart, then checkout: the quote appears once the zip code is complete.
        browser.click(By.linkText("View cart"));
        shopper.see("Your cart");
        assertThat(browser.text(By.cssSelector(".cart-table"))).contains("Aurora Lumen Hybrid", "$38,450.00");

        // A new quantity is saved after a short pause, the cart and the badge follow; then back to one.
        changeQuantity("2");
        shopper.see("Updated Aurora Lumen Hybrid.");
        waitUntil("the cart to show two", () -> browser.text(By.cssSelector("#cart .summary")).contains("2 vehicles")
                && shopper.cartBadge().equals("Cart (2)"));
        assertThat(browser.text(By.cssSelector(".cart-table"))).contains("$76,900.00");
        changeQuantity("1");
        waitUntil("the cart to show one", () -> browser.text(By.cssSelector("#cart .summary")).contains("1 vehicle")
                && shopper.cartBadge().equals("Cart (1)"));
        browser.click(By.linkText("Checkout"));
        shopper.see("Delivery address");
        assertThat(browser.all(By.xpath("//button[normalize-space()='Place order']"))).as("no total before the zip code").isEmpty();
        shopper.enterAddress(Address.CHICAGO);
        shopper.see("Total");
        String summary = browser.text(By.id("summary"));
        assertThat(summary).contains("Aurora Lumen Hybrid", "Subtotal", "$38,450.00", "Shipping").containsPattern("From .+ warehouse, 1 vehicle — \\$");
        String total = browser.text(By.cssSelector("#summary dd.total"));

        String orderId = shopper.placeOrder();
        shopper.see("Order placed. Please pay " + total + " within 24 hours.");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Order #" + orderId.substring(28).toUpperCase());
        assertThat(browser.text(By.id("status-panel"))).contains("Awaiting payment", "Please pay " + total, "h", "min left",
                "Use your order number as the transfer reference.");
        assertThat(shopper.cartBadge()).isEqualTo("Cart (0)");

        // The receipt: previewed from the file before it is sent, then under review.
        shopper.chooseReceipt(Receipts.pngFile());
        WebElement preview = browser.find(By.id("proof-preview"));
        waitUntil("the chosen receipt to be previewed", preview::isDisplayed);
        assertThat(preview.getAttribute("src")).startsWith("blob:");
        browser.click(By.xpath("//button[normalize-space()='Upload proof of payment']"));
        shopper.see("Thank you. We received your proof of payment.");
        shopper.reloadUntil("Payment under review");
        assertThat(browser.text(By.id("status-panel"))).contains("We received your proof of payment").doesNotContain("Cancel order");
        WebElement thumbnail = browser.find(By.cssSelector("#status-panel img.proof-preview"));
        waitUntil("the proof's thumbnail to load", () -> imageLoaded(thumbnail));

        // The admin approves it; the customer's order page says so.
        AdminApi.of(LaunchedShop.shared()).approvePaymentOf(orderId);
        shopper.reloadUntil("Payment approved. We are preparing your delivery.");
        assertThat(browser.text(By.id("heading-badge"))).contains("Paid");
        assertThat(browser.text(By.id("timeline"))).contains("Order placed", "Payment under review", "Paid", "On delivery — still ahead");
    }

    @Test
    void cancellingAnUnpaidOrderPutsItsVehicleBackOnSale() {
        shopper.signUp(Customer.fresh("Casey Cancel"));
        shopper.open("/products?q=Vespina").openCard("Vespina Cittadina 125");
        String productPath = shopper.path();
        int before = shopper.stockShown();
        assertThat(before).as("the Vespina's stock").isGreaterThan(1);

        shopper.addToCart();
        shopper.see("Added 1 × Vespina Cittadina 125 to your cart.");
        shopper.open("/checkout").enterAddress(Address.CHICAGO);
        shopper.see("Total");
        String orderId = shopper.placeOrder();
        shopper.see("Order placed.");

        shopper.open(productPath).reloadUntil((before - 1) + " in stock");

        // My orders → the order → "Cancel order", confirmed in the dialog.
        shopper.headerLink("My orders");
        shopper.see("My orders");
        browser.click(By.linkText("#" + orderId.substring(28).toUpperCase()));
        shopper.see("Awaiting payment");
        browser.click(By.xpath("//a[normalize-space()='Cancel order']"));
        WebElement dialog = browser.find(By.id("cancel-dialog"));
        waitUntil("the confirmation dialog to open", dialog::isDisplayed);
        assertThat(dialog.getText()).contains("Cancel this order? The vehicles will be released.");
        dialog.findElement(By.xpath(".//button[normalize-space()='Cancel order']")).click();
        shopper.see("Your order is cancelled. The vehicles have been released.");
        assertThat(browser.text(By.id("heading-badge"))).contains("Cancelled");
        assertThat(browser.text(By.id("status-panel"))).contains("You cancelled this order on");

        shopper.open(productPath).reloadUntil(before + " in stock");
        assertThat(shopper.stockShown()).isEqualTo(before);
    }

    @Test
    void loggingOutAndInAgainComesBackToThePageTheCustomerWasOn() {
        Customer customer = Customer.fresh("Lee Login");
        shopper.open("/category/motorcycles").signUp(customer);
        assertThat(shopper.path()).as("signing up returns to the category page").isEqualTo("/category/motorcycles");

        shopper.logOut();
        assertThat(shopper.path()).as("logged out, on the home page").isEqualTo("/");
        assertThat(browser.text(By.cssSelector("nav.menu-wide"))).contains("Log in", "Sign up").doesNotContain("Lee Login");
        shopper.open("/cart");
        shopper.see("Log in");
        assertThat(browser.url()).as("the cart needs signing in again").doesNotStartWith(storefront);

        shopper.open("/products?q=Tanaka&sort=price-asc").openCard("Tanaka Kaze 300");
        String productPath = shopper.path();
        shopper.headerLink("Log in").logInAtAuth(customer);
        assertThat(shopper.path()).isEqualTo(productPath);
        assertThat(browser.text(By.cssSelector("nav.menu-wide"))).contains("Lee Login", "My orders");
    }

    @Test
    void askingForMoreThanIsInStockSaysHowManyThereAre() {
        shopper.signUp(Customer.fresh("Sam Stock"));
        shopper.open("/products?q=Valdera+Fulmine").openCard("Valdera Fulmine GT");
        assertThat(browser.text(By.cssSelector("#main .stock-few"))).isEqualTo("Only 2 left");
        WebElement quantity = browser.find(By.id("quantity"));
        assertThat(quantity.getAttribute("max")).isEqualTo("2");
        browser.click(By.cssSelector("button.stepper[aria-label='One more']"));
        assertThat(browser.find(By.id("quantity")).getAttribute("value")).isEqualTo("2");
        browser.click(By.cssSelector("button.stepper[aria-label='One more']"));
        assertThat(browser.find(By.id("quantity")).getAttribute("value")).as("the stepper stops at the stock").isEqualTo("2");
        shopper.addToCart();
        shopper.see("Added 2 × Valdera Fulmine GT to your cart.");

        shopper.addToCart();
        shopper.see("Only 2 in stock, and you already have 2 in your cart.");
        WebElement refused = browser.find(By.id("quantity"));
        assertThat(refused.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(refused.getAttribute("aria-describedby")).isEqualTo("quantity-error");
        assertThat(shopper.cartBadge()).isEqualTo("Cart (2)");
    }

    private static void changeQuantity(String quantity) {
        WebElement input = browser.find(By.cssSelector(".cart-table input[name=quantity]"));
        input.clear();
        input.sendKeys(quantity);
        input.sendKeys(Keys.TAB);
    }

    private static String vehiclesIn(String category, int demo) {
        JsonNode counted = RestClient.create(LaunchedShop.shared().url("product")).get()
                .uri("/v1/categories/{slug}", category).retrieve().body(JsonNode.class);
        long count = counted.path("product_count").asLong();
        assertThat(count).as("vehicles in " + category).isGreaterThanOrEqualTo(demo);
        return count + " vehicles";
    }

    private static List<String> cardNames() {
        return browser.all(By.cssSelector("#results .card .name")).stream().map(WebElement::getText).toList();
    }

    private static boolean imageLoaded(WebElement image) {
        Object width = ((JavascriptExecutor) browser.driver()).executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : 0", image);
        return width instanceof Number number && number.intValue() > 0;
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(RuntimeException.class)
                    .until(driver -> condition.getAsBoolean());
        }
        catch (RuntimeException e) {
            throw new AssertionError("waited 20 s for " + what + " on " + browser.url() + "; the page shows:\n"
                    + browser.text(By.tagName("body")), e);
        }
    }
}
