package dev.eshop.e2e.admin;

import dev.eshop.e2e.browser.Browser;
import dev.eshop.e2e.shop.LaunchedShop;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The admin app in a browser, as a person uses it: signing in on auth's page, opening pages by their
 * path, filling forms, and downloading files with the browser's own session.
 */
final class AdminApp {

    /** The demo admin the launcher creates. */
    static final String ADMIN_EMAIL = "admin@eshop.test";
    static final String ADMIN_PASSWORD = "admin-password-2026";
    /** How long the services may take to pass an event on (a sale to the report, stock to the shop). */
    static final Duration EVENTUALLY = Duration.ofSeconds(120);
    /** How long a page may take to answer on a busy machine. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Browser browser;
    private final LaunchedShop shop;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    AdminApp(Browser browser, LaunchedShop shop) {
        this.browser = browser;
        this.shop = shop;
    }

    String url(String path) {
        return shop.url("admin") + path;
    }

    /** Opens a page of the admin app; a visitor who is not signed in lands on auth's login page instead. */
    AdminApp open(String path) {
        browser.go(url(path));
        return this;
    }

    /** Signs in through auth's login page and waits for the admin app to take the browser back. */
    AdminApp signIn(String email, String password) {
        signOutEverywhere();
        open("/");
        browser.waitForUrl(shop.url("auth") + "/login");
        browser.type(By.id("email"), email);
        browser.type(By.id("password"), password);
        browser.click(By.cssSelector("form button[type=submit]"));
        try {
            new WebDriverWait(browser.driver(), WAIT).until(driver -> driver.getCurrentUrl().startsWith(shop.url("admin")));
        }
        catch (TimeoutException e) {
            throw new AssertionError(email + " did not get back to the admin app after signing in; " + browser.url() + " shows:\n"
                    + bodyText(), e);
        }
        return this;
    }

    /** Forgets every sign-in (the admin app's, auth's): all the shop's cookies live on 127.0.0.1. */
    AdminApp signOutEverywhere() {
        if (browser.url().startsWith("http://127.0.0.1")) {
            browser.driver().manage().deleteAllCookies();
        }
        return this;
    }

    /** The page's one {@code h1}. */
    String heading() {
        return browser.text(By.tagName("h1"));
    }

    AdminApp type(String fieldId, String text) {
        browser.type(By.id(fieldId), text);
        return this;
    }

    AdminApp choose(String selectId, String visibleText) {
        new Select(browser.find(By.id(selectId))).selectByVisibleText(visibleText);
        return this;
    }

    /** The options a select offers, as the admin reads them. */
    List<String> options(String selectId) {
        return new Select(browser.find(By.id(selectId))).getOptions().stream().map(WebElement::getText).toList();
    }

    /** Presses the button with these words (the first one, in page order). */
    AdminApp press(String words) {
        browser.click(By.xpath("//button[normalize-space(.)='" + words + "' or .//span[normalize-space(.)='" + words + "']]"));
        return this;
    }

    /**
     * Reloads a page (a path of the admin app, or a whole URL) until {@code condition} holds: for what
     * another service learns by an event.
     */
    AdminApp reloadUntil(String page, String what, Supplier<Boolean> condition) {
        String address = page.startsWith("http") ? page : url(page);
        try {
            await(what).atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                browser.go(address);
                return condition.get();
            });
        }
        catch (RuntimeException e) {
            throw new AssertionError("waited " + EVENTUALLY.toSeconds() + " s for " + what + "; " + address + " shows:\n" + bodyText(), e);
        }
        return this;
    }

    /**
     * Waits until the page says {@code text}, across the page loads a form's answer brings (htmx
     * redirects and post/redirect/get replace the page under the wait).
     */
    AdminApp waitFor(String text) {
        try {
            new WebDriverWait(browser.driver(), WAIT).ignoring(StaleElementReferenceException.class)
                    .until(driver -> driver.findElement(By.tagName("body")).getText().contains(text));
        }
        catch (TimeoutException e) {
            throw new AssertionError("the page " + browser.url() + " did not show \"" + text + "\"; it shows:\n" + bodyText(), e);
        }
        return this;
    }

    /** Whether the browser loads and decodes the picture (waiting while it is still on its way). */
    boolean showsPicture(WebElement image) {
        try {
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(driver -> ((JavascriptExecutor) driver)
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image));
            return true;
        }
        catch (TimeoutException notLoaded) {
            return false;
        }
    }

    /**
     * Screenshots of the page from its top, at phone and desktop width ({@code target/screenshots/<name>-phone.png}, …),
     * each once the page has been laid out again for its width (charts redraw a frame after a resize).
     */
    AdminApp screenshots(String name) {
        for (var size : List.of(Browser.PHONE, Browser.DESKTOP)) {
            browser.size(size);
            ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    window.scrollTo(0, 0);
                    requestAnimationFrame(() => requestAnimationFrame(() => done()));""");
            browser.screenshot(name + (size.equals(Browser.PHONE) ? "-phone" : "-desktop"));
        }
        return this;
    }

    String bodyText() {
        return browser.driver().findElement(By.tagName("body")).getText();
    }

    /** A file as the browser downloads it: the same URL, with the browser's session cookie. */
    HttpResponse<byte[]> download(String href) {
        return send(HttpRequest.newBuilder(URI.create(href.startsWith("http") ? href : url(href))).GET());
    }

    /** A form sent as the browser sends it (urlencoded, with the browser's session cookie), whatever the page offers. */
    HttpResponse<byte[]> post(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        String cookies = browser.driver().manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest built = request.header("Cookie", cookies).build();
        URI uri = built.uri();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (IOException e) {
            throw new AssertionError("could not " + built.method() + " " + uri, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during " + built.method() + " " + uri, e);
        }
    }
}
