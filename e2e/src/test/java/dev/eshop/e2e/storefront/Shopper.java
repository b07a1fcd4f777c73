package dev.eshop.e2e.storefront;

import dev.eshop.e2e.browser.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer at the storefront in a browser: the steps the journeys share, each done the way a
 * person does it (links, fields, buttons). Assertions stay in the tests.
 */
final class Shopper {

    /** Events go round between services (stock, payment status): how long a page may take to show it. */
    static final Duration EVENTUALLY = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern STOCK = Pattern.compile("(\\d+) in stock|Only (\\d+) left|Out of stock");
    private static final Pattern ORDER_PATH = Pattern.compile("/orders/([0-9a-f-]{36})");

    /** A new customer, unique per run. */
    record Customer(String name, String email, String password) {

        static Customer fresh(String name) {
            return new Customer(name, name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@example.com",
                    "a long password for " + name);
        }
    }

    /** A delivery address as the checkout form takes it. */
    record Address(String street, String city, String state, String zipCode) {

        static final Address CHICAGO = new Address("1200 W Fulton Market", "Chicago", "IL", "60607");
    }

    private final Browser browser;
    private final String storefront;

    Shopper(Browser browser, String storefront) {
        this.browser = browser;
        this.storefront = storefront;
    }

    Shopper open(String path) {
        browser.go(storefront + path);
        return this;
    }

    /** The current page's path and query on the storefront. */
    String path() {
        URI uri = URI.create(browser.url());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    boolean onStorefront() {
        return browser.url().startsWith(storefront + "/");
    }

    /** A visitor nobody signed in as: no cookies of the storefront or of auth (one host, so one cookie jar). */
    Shopper newVisitor() {
        open("/");
        browser.driver().manage().deleteAllCookies();
        return open("/");
    }

    /** A link of the header's navigation (the wide one; the phone menu holds the same links). */
    Shopper headerLink(String text) {
        browser.click(By.xpath("//nav[contains(@class,'menu-wide')]//a[normalize-space()='" + text + "']"));
        return this;
    }

    Shopper search(String text) {
        browser.type(By.id("site-search"), text);
        browser.click(By.cssSelector("form.search button[type=submit]"));
        return this;
    }

    /** Opens the product card with this name in the list on the page. */
    Shopper openCard(String name) {
        browser.click(By.xpath("//a[contains(@class,'card')][.//span[@class='name' and normalize-space()='" + name + "']]"));
        see(name);
        return this;
    }

    /** "Add to cart" on the product page (the button also holds the hidden "Working…" of htmx). */
    Shopper addToCart() {
        browser.click(By.xpath("//div[@id='add-to-cart']//button[contains(normalize-space(), 'Add to cart')]"));
        return this;
    }

    /** Empties the cart through "Empty cart" and its confirmation page, if there is anything in it. */
    Shopper emptyCart() {
        open("/cart/clear");
        By confirm = By.xpath("//main//button[normalize-space()='Empty cart']");
        if (!browser.all(confirm).isEmpty()) {
            browser.click(confirm);
            see("Your cart is now empty.");
        }
        return this;
    }

    /** On auth's log-in page: "Create an account", then the registration form. */
    Shopper createAccountAtAuth(Customer customer) {
        browser.click(By.linkText("Create an account"));
        return register(customer);
    }

    /** Auth's registration form; auth signs the new customer in and sends them back to the shop. */
    Shopper register(Customer customer) {
        see("Create account");
        browser.type(By.id("name"), customer.name());
        browser.type(By.id("email"), customer.email());
        browser.type(By.id("password"), customer.password());
        browser.type(By.id("confirm_password"), customer.password());
        browser.click(By.xpath("//button[normalize-space()='Create account']"));
        awaitStorefront();
        return this;
    }

    Shopper logInAtAuth(Customer customer) {
        see("Log in");
        browser.type(By.id("email"), customer.email());
        browser.type(By.id("password"), customer.password());
        browser.click(By.xpath("//main//button[normalize-space()='Log in']"));
        awaitStorefront();
        return this;
    }

    /** "Sign up" in the header: a new account at auth, then back on the page it started from. */
    Shopper signUp(Customer customer) {
        headerLink("Sign up");
        return register(customer);
    }

    Shopper logOut() {
        browser.click(By.xpath("//nav[contains(@class,'menu-wide')]//button[normalize-space()='Log out']"));
        awaitStorefront();
        return this;
    }

    /** The product page's stock line as a number: "6 in stock" and "Only 2 left" are 6 and 2, "Out of stock" 0. */
    int stockShown() {
        String line = browser.text(By.cssSelector("#main .stock-in, #main .stock-few, #main .stock-out"));
        Matcher matcher = STOCK.matcher(line);
        if (!matcher.find()) {
            throw new AssertionError("the product page's stock line reads \"" + line + "\"");
        }
        String number = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        return number == null ? 0 : Integer.parseInt(number);
    }

    /**
     * Waits until the page shows the text. Unlike {@link Browser#waitForText}, a page that is still
     * being replaced (a form just sent) is waited for rather than failing the wait.
     */
    Shopper see(String text) {
        try {
            new WebDriverWait(browser.driver(), WAIT)
                    .ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                    .until(driver -> driver.findElement(By.tagName("body")).getText().contains(text));
        }
        catch (RuntimeException e) {
            throw new AssertionError("the page " + browser.url() + " did not show \"" + text + "\" within " + WAIT.toSeconds()
                    + " s; it shows:\n" + browser.text(By.tagName("body")), e);
        }
        return this;
    }

    /** Reloads the page until it shows the text, as a customer waiting for news does; fails with what the page showed. */
    Shopper reloadUntil(String text) {
        try {
            new WebDriverWait(browser.driver(), EVENTUALLY, Duration.ofSeconds(1))
                    .ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                    .until(driver -> {
                        if (driver.findElement(By.tagName("body")).getText().contains(text)) {
                            return true;
                        }
                        driver.navigate().refresh();
                        return false;
                    });
        }
        catch (RuntimeException e) {
            throw new AssertionError("the page " + browser.url() + " did not show \"" + text + "\" within " + EVENTUALLY.toSeconds()
                    + " s of reloading; it shows:\n" + browser.text(By.tagName("body")), e);
        }
        return this;
    }

    /** Fills the delivery address on the checkout page; with JavaScript the quote follows the zip code. */
    Shopper enterAddress(Address address) {
        browser.type(By.id("street"), address.street());
        browser.type(By.id("city"), address.city());
        browser.type(By.id("state"), address.state());
        browser.type(By.id("zip_code"), address.zipCode());
        return this;
    }

    /** "Place order" under the quoted total; the order's page follows. Returns the order's id. */
    String placeOrder() {
        browser.click(By.xpath("//button[normalize-space()='Place order']"));
        browser.waitForUrl("/orders/");
        return orderId();
    }

    /** The id of the order whose page is open. */
    String orderId() {
        Matcher matcher = ORDER_PATH.matcher(browser.url());
        if (!matcher.find()) {
            throw new AssertionError("not on an order's page: " + browser.url());
        }
        return matcher.group(1);
    }

    /** Chooses the receipt in the upload form's file input. */
    Shopper chooseReceipt(Path file) {
        browser.find(By.id("image")).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** The header's cart link as it reads, e.g. "Cart (1)". */
    String cartBadge() {
        return browser.text(By.id("cart-badge"));
    }

    /** Back from auth: on a page of the storefront, past the sign-in callback and its redirect. */
    private void awaitStorefront() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(driver -> onStorefront()
                && !browser.url().contains("/login/oauth2/code/") && !browser.url().contains("/oauth2/authorization/"));
    }
}
