package dev.eshop.e2e.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, driven by Selenium: nothing is downloaded and nothing leaves 127.0.0.1.
 * With JavaScript off it is the browser of a customer who blocks scripts. Screenshots go to
 * {@code target/screenshots/}; {@link #accessibilityViolations()} runs axe-core (from npm) on the page.
 */
public final class Browser implements AutoCloseable {

    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1366, 900);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final boolean javaScript;

    private Browser(ChromeDriver driver, boolean javaScript) {
        this.driver = driver;
        this.javaScript = javaScript;
    }

    public static Browser withJavaScript() {
        return open(true);
    }

    public static Browser withoutJavaScript() {
        return open(false);
    }

    private static Browser open(boolean javaScript) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--disable-extensions", "--lang=en-US",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        if (!javaScript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, javaScript);
    }

    public WebDriver driver() {
        return driver;
    }

    public boolean javaScript() {
        return javaScript;
    }

    public Browser go(String url) {
        driver.get(url);
        return this;
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String title() {
        return driver.getTitle();
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public String text(By by) {
        return find(by).getText();
    }

    /** Waits until the page's visible text contains the given text; fails with what the page showed. */
    public Browser waitForText(String text) {
        try {
            // The page may be replaced while it is read: a stale body is read again.
            new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        }
        catch (RuntimeException e) {
            throw new AssertionError("the page " + url() + " did not show \"" + text + "\"; it shows:\n"
                    + driver.findElement(By.tagName("body")).getText(), e);
        }
        return this;
    }

    public Browser waitForUrl(String fragment) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains(fragment));
        return this;
    }

    public Browser type(By field, String text) {
        WebElement element = find(field);
        element.clear();
        element.sendKeys(text);
        return this;
    }

    public Browser click(By by) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by)).click();
        return this;
    }

    public Browser size(Dimension size) {
        driver.manage().window().setSize(size);
        return this;
    }

    /** The page as the customer sees it, at this width, kept as a test artefact. */
    public Path screenshot(String name) {
        try {
            Path directory = Files.createDirectories(Paths.get("target", "screenshots"));
            Path file = directory.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Screenshots of the current page at phone and desktop width, named {@code <name>-phone} and {@code <name>-desktop}. */
    public void screenshots(String name) {
        Dimension before = driver.manage().window().getSize();
        size(PHONE);
        screenshot(name + "-phone");
        size(DESKTOP);
        screenshot(name + "-desktop");
        size(before);
    }

    /**
     * axe-core's serious and critical violations on the current page (WCAG 2.x A and AA rules and best
     * practices), each as "rule: help (n nodes: selector, …)". Needs JavaScript.
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        if (!javaScript) {
            throw new IllegalStateException("axe-core runs in the page: open the browser with JavaScript");
        }
        JavascriptExecutor js = driver;
        js.executeScript(AxeScript.source());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes: '
                                  + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ') + ')')))
                   .catch(e => done(['axe failed: ' + e]));
                """);
        return new ArrayList<>((List<String>) result);
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** axe-core's script, installed by {@code npm ci} in {@code e2e/} (bin/test does it). */
    private static final class AxeScript {
        private static String source;

        static synchronized String source() {
            if (source == null) {
                for (Path candidate : List.of(Paths.get("node_modules", "axe-core", "axe.min.js"),
                        Paths.get("e2e", "node_modules", "axe-core", "axe.min.js"))) {
                    if (Files.exists(candidate)) {
                        try {
                            source = Files.readString(candidate);
                        }
                        catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        return source;
                    }
                }
                throw new IllegalStateException("axe-core is missing: run npm ci in e2e/ (bin/test does)");
            }
            return source;
        }
    }
}
