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
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core journey with JavaScript switched off (spec/ui.md §0.1): browse, search, filter, product,
 * add to cart, change the quantity, checkout with "Calculate shipping", place the order, upload the
 * receipt and, once it is shipped, confirm it arrived; remove a cart line, cancel another order on its
 * confirmation page, and empty the cart on its own. Every step is a plain link or form.
 */
class StorefrontWithoutJavaScriptTest {

    private static Browser browser;
    private static Shopper shopper;

    @BeforeAll
    static void openBrowser() {
        String storefront = LaunchedShop.shared().url("storefront");
        browser = Browser.withoutJavaScript();
        shopper = new Shopper(browser, storefront);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aCustomerWithoutJavaScriptBuysPaysReceivesAndCancels() {
        shopper.newVisitor();
        assertThat(browser.javaScript()).isFalse();

        // Browse: a category, one of its sub-categories, then a search narrowed by price with "Apply".
        shopper.headerLink("Motorcycles");
        shopper.see("16 vehicles");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Motorcycles");
        browser.click(By.xpath("//ul[@aria-label='Sub-categories']//a[normalize-space()='Naked']"));
        shopper.see("3 vehicles");
        assertThat(shopper.path()).isEqualTo("/category/naked");
        assertThat(browser.text(By.cssSelector("nav.breadcrumb"))).contains("Home", "Motorcycles", "Naked");

        shopper.search("strada");
        shopper.see("3 vehicles");
        browser.type(By.id("max_price"), "13000");
        browser.click(By.xpath("//form[@id='filters']//button[normalize-space()='Apply']"));
        shopper.see("2 vehicles");
        assertThat(browser.all(By.cssSelector("#results .card .name")).stream().map(WebElement::getText))
                .containsExactlyInAnyOrder("Strada Nuda 900", "Strada SR 600");
        assertThat(browser.text(By.cssSelector("ul[aria-label='Active filters']"))).contains("Search: strada", "Price to: $13,000.00");

        // The product; adding it asks for an account first and comes back here.
        shopper.openCard("Strada SR 600");
        String productPath = shopper.path();
        assertThat(browser.all(By.cssSelector("button.stepper"))).as("no −/+ buttons without JavaScript").isEmpty();
        shopper.addToCart();
        shopper.createAccountAtAuth(Customer.fresh("Noah Noscript"));
        assertThat(shopper.path()).isEqualTo(productPath);
        shopper.addToCart();
        shopper.see("Added 1 × Strada SR 600 to your cart.");
        assertThat(shopper.path()).as("the form posts and comes back to the product").isEqualTo(productPath);
        assertThat(shopper.cartBadge()).isEqualTo("Cart (1)");

        // The cart: two of them, with "Update".
        browser.click(By.linkText("View cart"));
        shopper.see("Your cart");
        WebElement quantity = browser.find(By.cssSelector(".cart-table input[name=quantity]"));
        quantity.clear();
        quantity.sendKeys("2");
        browser.click(By.xpath("//form[contains(@class,'line-form')]//button[contains(normalize-space(), 'Update')]"));
        shopper.see("Updated Strada SR 600.");
        assertThat(browser.find(By.cssSelector(".cart-table input[name=quantity]")).getAttribute("value")).isEqualTo("2");
        assertThat(browser.text(By.cssSelector(".cart-table"))).contains("$25,980.00");
        assertThat(shopper.cartBadge()).isEqualTo("Cart (2)");

        // Checkout: no total until "Calculate shipping"; then the order.
        browser.click(By.linkText("Checkout"));
        shopper.see("Delivery address");
        shopper.enterAddress(Address.CHICAGO);
        assertThat(browser.all(By.xpath("//button[normalize-space()='Place order']"))).isEmpty();
        browser.click(By.xpath("//button[normalize-space()='Calculate shipping']"));
        shopper.see("Total");
        assertThat(browser.find(By.id("zip_code")).getAttribute("value")).as("the address is kept").isEqualTo("60607");
        assertThat(browser.text(By.id("summary"))).contains("Strada SR 600", "$25,980.00", "Shipping").containsPattern("From .+ warehouse");
        String orderId = shopper.placeOrder();
        shopper.see("Order placed. Please pay");
        assertThat(browser.text(By.id("status-panel"))).contains("Awaiting payment", "min left");

        // The receipt, sent with the form; the page then shows it under review.
        shopper.chooseReceipt(Receipts.pngFile());
        browser.click(By.xpath("//button[normalize-space()='Upload proof of payment']"));
        shopper.see("Thank you. We received your proof of payment.");
        assertThat(shopper.orderId()).isEqualTo(orderId);
        shopper.reloadUntil("Payment under review");
        assertThat(browser.all(By.xpath("//a[normalize-space()='Cancel order']"))).as("no cancelling under review").isEmpty();

        // The admin approves and ships it (over the API); the customer confirms it arrived.
        AdminApi admin = AdminApi.of(LaunchedShop.shared());
        admin.approvePaymentOf(orderId);
        admin.ship(orderId, "DHL, tracking 5551234");
        shopper.reloadUntil("Your order is on its way.");
        assertThat(browser.text(By.id("status-panel"))).contains("DHL, tracking 5551234");
        browser.click(By.xpath("//button[normalize-space()='I have received my order']"));
        shopper.see("Thank you. Your order is marked as delivered.");
        assertThat(shopper.orderId()).isEqualTo(orderId);
        assertThat(browser.text(By.id("heading-badge"))).contains("Delivered");
        assertThat(browser.all(By.xpath("//button[normalize-space()='I have received my order']"))).as("nothing left to confirm").isEmpty();

        // A second order: two vehicles go in the cart, one is removed again with its "Remove" button.
        shopper.open("/products?q=strada&max_price=13000").openCard("Strada Nuda 900").addToCart();
        shopper.see("Added 1 × Strada Nuda 900 to your cart.");
        shopper.open(productPath).addToCart();
        shopper.see("Added 1 × Strada SR 600 to your cart.");
        shopper.open("/cart");
        assertThat(browser.all(By.cssSelector(".cart-table tbody tr"))).as("the cart's lines").hasSize(2);
        browser.click(By.xpath("//button[normalize-space()='Remove' and contains(@aria-label, 'Strada SR 600')]"));
        shopper.see("Removed Strada SR 600 from your cart.");
        assertThat(shopper.path()).isEqualTo("/cart");
        assertThat(browser.text(By.cssSelector(".cart-table"))).contains("Strada Nuda 900").doesNotContain("Strada SR 600");
        assertThat(shopper.cartBadge()).isEqualTo("Cart (1)");

        // Checked out, then cancelled on its confirmation page.
        shopper.open("/checkout");
        assertThat(browser.find(By.id("street")).getAttribute("value")).as("the address of the last order").isEqualTo(Address.CHICAGO.street());
        shopper.see("Total");
        String second = shopper.placeOrder();
        shopper.see("Order placed.");
        browser.click(By.xpath("//a[normalize-space()='Cancel order']"));
        assertThat(shopper.path()).isEqualTo("/orders/" + second + "/cancel");
        shopper.see("Cancel this order? The vehicles will be released.");
        browser.click(By.xpath("//main//button[normalize-space()='Cancel order']"));
        shopper.see("Your order is cancelled. The vehicles have been released.");
        assertThat(browser.text(By.id("heading-badge"))).contains("Cancelled");

        // Both orders in "My orders".
        shopper.headerLink("My orders");
        String list = browser.text(By.cssSelector("#main table"));
        assertThat(list).contains("#" + orderId.substring(28).toUpperCase(), "Delivered",
                "#" + second.substring(28).toUpperCase(), "Cancelled");

        // "Empty cart" asks on a page of its own, then empties the cart.
        shopper.open(productPath).addToCart();
        shopper.see("Added 1 × Strada SR 600 to your cart.");
        shopper.open("/cart");
        browser.click(By.linkText("Empty cart"));
        assertThat(shopper.path()).isEqualTo("/cart/clear");
        shopper.see("Every vehicle will be removed from your cart");
        browser.click(By.xpath("//main//button[normalize-space()='Empty cart']"));
        shopper.see("Your cart is now empty.");
        assertThat(browser.all(By.cssSelector(".cart-table"))).as("no lines left").isEmpty();
        assertThat(shopper.cartBadge()).isEqualTo("Cart (0)");
    }
}
