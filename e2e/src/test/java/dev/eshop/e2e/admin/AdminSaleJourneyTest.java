package dev.eshop.e2e.admin;

import dev.eshop.e2e.browser.Browser;
import dev.eshop.e2e.shop.LaunchedShop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vehicle's whole life in the back office, in a real browser against the launched shop: the admin
 * adds it with a picture and stock, sees it in the storefront, moves some units to another warehouse,
 * a customer buys one (over the API), the admin approves the transfer receipt, ships and delivers the
 * order, and finds the sale on the dashboard, in the sales report and in both downloads.
 */
class AdminSaleJourneyTest {

    /** Dearer than any demo vehicle, so the sale heads the report's top products. */
    private static final BigDecimal PRICE = new BigDecimal("212345.67");
    private static final String PRICE_SHOWN = "$212,345.67";
    private static final int INITIAL_UNITS = 7;
    private static final int MOVED_UNITS = 3;

    private static LaunchedShop shop;
    private static Browser browser;
    private static AdminApp admin;

    @BeforeAll
    static void openTheBackOffice() {
        shop = LaunchedShop.shared();
        browser = Browser.withJavaScript();
        admin = new AdminApp(browser, shop);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void anAdminSellsANewVehicleFromCatalogueToReport() {
        String name = "Journey Roadster " + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        admin.signIn(AdminApp.ADMIN_EMAIL, AdminApp.ADMIN_PASSWORD);
        assertThat(admin.heading()).as("the first page after sign-in").isEqualTo("Dashboard");
        assertThat(browser.text(By.cssSelector("header .who"))).as("the top bar names the signed-in admin").contains(AdminApp.ADMIN_EMAIL);
        String adminName = browser.text(By.cssSelector("header .who-name"));
        Revenue before = revenueToday();

        String productId = addProduct(name);
        seeItInTheStorefront(productId, name, INITIAL_UNITS + " in stock");
        transferStock(productId, name);

        ShopCustomer customer = ShopCustomer.signUp(shop, "Journey Customer");
        String orderId = customer.order(productId, 1, "60614");
        customer.uploadReceipt(orderId, "Paid from my savings account");
        String orderNumber = "#" + orderId.substring(orderId.length() - 8).toUpperCase();

        approvePayment(orderNumber, adminName);
        shipAndDeliver(orderId, orderNumber);

        // Other journeys sell on the same shop meanwhile: the card grows by this sale at least; the report
        // below finds this very order's line.
        admin.reloadUntil("/", "today's revenue on the dashboard to grow by " + PRICE_SHOWN + " at least",
                () -> revenueToday().includes(before.plus(PRICE)));
        WebElement chart = browser.find(By.id("revenue-30-days-canvas"));
        assertThat(chart.getAttribute("data-drawn")).as("the revenue chart, drawn by Chart.js from the page's figures").isEqualTo("true");
        assertThat(chart.getAttribute("aria-label")).as("the chart's summary").startsWith("Revenue over the last 30 days: $");
        admin.screenshots("admin-dashboard");

        seeTheSaleInTheReport(name, orderNumber);
        checkTheDownloads(name, orderId);
    }

    /** The product form: every field an admin fills for a new vehicle, a picture from disk, the initial stock. */
    private String addProduct(String name) {
        admin.open("/products/new");
        assertThat(admin.heading()).isEqualTo("Add product");
        admin.type("name", name)
                .choose("category_id", "Sports")
                .type("price", "212,345.67")
                .type("description", "A two-seater added by the back-office journey.\nIt has a picture and seven units.")
                .type("attr_brand", "Journeyco")
                .type("attr_model", "Roadster")
                .type("attr_year", "2026")
                .choose("attr_fuel", "Petrol")
                .choose("attr_transmission", "Manual")
                .type("attr_power_hp", "320")
                .type("initial_quantity", Integer.toString(INITIAL_UNITS));
        browser.find(By.id("main_image")).sendKeys(VehiclePhoto.pngFile(name).toAbsolutePath().toString());
        admin.screenshots("admin-product-form");
        admin.press("Add product");

        admin.waitFor("Added " + name + ".");
        assertThat(browser.url()).as("after adding, the product list").startsWith(admin.url("/products"));
        admin.open("/products?q=" + name.replace(' ', '+'));
        WebElement row = browser.find(By.xpath("//tr[.//a[normalize-space(.)='" + name + "']]"));
        String productId = row.getAttribute("id").substring("product-".length());
        assertThat(row.getText()).as("the new product's row").contains("Sports", PRICE_SHOWN);
        assertThat(row.findElements(By.cssSelector("img.thumb"))).as("the row shows the uploaded picture").hasSize(1);
        assertThat(admin.showsPicture(row.findElement(By.cssSelector("img.thumb")))).as("the thumbnail loads").isTrue();
        admin.screenshots("admin-products");
        return productId;
    }

    /** The storefront's page of the product, as a customer opens it, once the stock has arrived there. */
    private void seeItInTheStorefront(String productId, String name, String stockLine) {
        admin.reloadUntil(shop.url("storefront") + "/products/" + productId, "the storefront to show \"" + stockLine + "\"",
                () -> browser.text(By.tagName("main")).contains(stockLine));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(name);
        assertThat(browser.text(By.tagName("main"))).as("the storefront's product page").contains(PRICE_SHOWN, "Journeyco");
        WebElement picture = browser.find(By.cssSelector("main img[alt^='" + name + "']"));
        assertThat(admin.showsPicture(picture)).as("the picture uploaded in the admin app shows in the storefront").isTrue();
    }

    /**
     * The transfer form, driven through its dropdowns: find the product, pick it, move units from the
     * main warehouse to another. The stock page then shows them split.
     */
    private void transferStock(String productId, String name) {
        admin.open("/stock/transfer");
        assertThat(admin.heading()).isEqualTo("Transfer stock");
        admin.type("q", name);
        admin.press("Find");
        browser.waitForUrl("q=Journey");
        List<String> products = admin.options("product_id");
        assertThat(products).as("the products the search found, after \"Choose a product\"").hasSize(2);
        assertThat(products.get(1)).as("the product's line").endsWith(name + " (" + INITIAL_UNITS + " units)");
        // Choosing the product fills in the form with its warehouses (htmx; "Update" without JavaScript).
        admin.choose("product_id", products.get(1));
        admin.waitFor("Move units of");

        List<String> from = admin.options("from_warehouse_id");
        String source = from.stream().filter(option -> option.endsWith("— " + INITIAL_UNITS + " units")).findFirst()
                .orElseThrow(() -> new AssertionError("no warehouse offers all " + INITIAL_UNITS + " units: " + from));
        admin.choose("from_warehouse_id", source);
        String sourceName = source.substring(0, source.indexOf(" — "));
        List<String> to = admin.options("to_warehouse_id");
        String target = to.stream().filter(option -> !option.equals(sourceName) && !option.startsWith("Choose")).findFirst()
                .orElseThrow(() -> new AssertionError("no other warehouse to move to: " + to));
        admin.choose("to_warehouse_id", target)
                .type("quantity", Integer.toString(MOVED_UNITS))
                .type("note", "Closer to the customers in the west");
        admin.press("Move stock");

        admin.waitFor("Moved " + MOVED_UNITS + " × " + name + " from " + sourceName + " to " + target + ".");
        assertThat(admin.heading()).isEqualTo("Stock");
        admin.open("/stock?q=" + name.replace(' ', '+'));
        Map<String, String> row = stockRow(productId);
        assertThat(row).as("the stock of " + name + " by warehouse")
                .containsEntry("Total", Integer.toString(INITIAL_UNITS))
                .containsEntry(sourceName, Integer.toString(INITIAL_UNITS - MOVED_UNITS))
                .containsEntry(target, Integer.toString(MOVED_UNITS));
        admin.screenshots("admin-stock");
    }

    /**
     * The payments queue lists the receipt once payment has it, with the order's status as payment knows
     * it; "Payment under review" there means payment will take a decision. The review page shows the
     * receipt and the amounts, and the admin approves.
     */
    private void approvePayment(String orderNumber, String adminName) {
        By row = By.xpath("//tr[th/a[normalize-space(.)='" + orderNumber + "']]");
        admin.reloadUntil("/payments", "the receipt of order " + orderNumber + " in the review queue, its order under review",
                () -> !browser.all(row).isEmpty() && browser.all(row).getFirst().getText().contains("Payment under review"));
        assertThat(admin.heading()).isEqualTo("Payments to review");
        browser.click(By.xpath("//a[@aria-label='Review the payment for order " + orderNumber + "']"));
        admin.waitFor("Payment for order " + orderNumber);
        String review = browser.url().substring(admin.url("").length());
        assertThat(browser.text(By.tagName("main"))).as("the review page").contains("Paid from my savings account", "Journey Customer",
                "Payment under review");
        List<String> amounts = browser.all(By.cssSelector("section[aria-labelledby=amounts-title] dd")).stream().map(WebElement::getText).toList();
        assertThat(amounts).as("order total and payment amount").hasSize(2).allMatch(amount -> amount.equals(amounts.getFirst()));
        assertThat(browser.all(By.cssSelector("section[aria-labelledby=amounts-title] .warning"))).as("a warning that the amounts differ")
                .isEmpty();
        WebElement proof = browser.find(By.cssSelector("figure.proof img"));
        assertThat(admin.showsPicture(proof)).as("the receipt's picture, streamed by the admin app").isTrue();
        admin.screenshots("admin-payment-review");

        admin.type("approve_note", "Transfer received.");
        admin.press("Approve");
        admin.waitFor("Approved the payment for order " + orderNumber + ".");
        assertThat(admin.heading()).as("after a decision, back to the queue").isEqualTo("Payments to review");
        admin.open(review);
        assertThat(browser.text(By.id("payment-decision"))).as("the decision, once made")
                .contains("Approved", "by " + adminName, "Transfer received.")
                .doesNotContain("Reject");
    }

    /** "To ship" lists the paid order; its page ships it with a tracking note, then marks it delivered. */
    private void shipAndDeliver(String orderId, String orderNumber) {
        admin.reloadUntil("/orders?status=PAID", "order " + orderNumber + " among the orders to ship",
                () -> admin.bodyText().contains(orderNumber));
        admin.screenshots("admin-orders");
        browser.click(By.linkText(orderNumber));
        browser.waitForUrl("/orders/" + orderId);
        assertThat(browser.text(By.cssSelector(".page-heading .badge"))).as("the status badge").endsWith("Paid");
        assertThat(browser.text(By.tagName("main"))).as("the order's page").contains("Journey Customer", PRICE_SHOWN, "Approved", "View payment");
        admin.screenshots("admin-order");

        admin.type("note", "DHL 12345678");
        admin.press("Mark as shipped");
        admin.waitFor("Marked order " + orderNumber + " as shipped.");
        assertThat(browser.text(By.cssSelector(".page-heading .badge"))).as("the status badge").endsWith("On delivery");
        assertThat(browser.text(By.cssSelector("ol.timeline"))).as("the timeline").contains("On delivery", "DHL 12345678");

        admin.press("Mark as delivered");
        admin.waitFor("Marked order " + orderNumber + " as delivered.");
        assertThat(browser.text(By.cssSelector(".page-heading .badge"))).as("the status badge").endsWith("Delivered");
        assertThat(browser.all(By.xpath("//button[contains(., 'Mark as')]"))).as("no action is left on a delivered order").isEmpty();
    }

    /** The report of the last 30 days lists the sold line and ranks the vehicle among the top products. */
    private void seeTheSaleInTheReport(String name, String orderNumber) {
        admin.reloadUntil("/reports/sales", "the sale of " + name + " in the sales report",
                () -> browser.text(By.id("results")).contains(name));
        WebElement line = browser.find(By.xpath("//div[@id='results']//tr[th[normalize-space(.)='" + name + "']]"));
        assertThat(line.getText()).as("the sold line").contains(orderNumber, "Sports", PRICE_SHOWN);
        assertThat(browser.text(By.xpath("//section[@aria-labelledby='top-title']"))).as("top products").contains(name);
        admin.screenshots("admin-reports");
    }

    /** Both downloads, fetched as the browser would (its session cookie), hold the sold line. */
    private void checkTheDownloads(String name, String orderId) {
        String csvHref = browser.find(By.linkText("Download CSV")).getAttribute("href");
        HttpResponse<byte[]> csv = admin.download(csvHref);
        assertThat(csv.statusCode()).as("GET " + csvHref).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).contains("attachment", ".csv"));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text.lines().filter(row -> row.contains(orderId)).toList()).as("the CSV's line of order " + orderId)
                .singleElement().satisfies(row -> assertThat(row).contains(name, "Sports", "212345.67"));

        String xlsxHref = browser.find(By.linkText("Download Excel")).getAttribute("href");
        HttpResponse<byte[]> xlsx = admin.download(xlsxHref);
        assertThat(xlsx.statusCode()).as("GET " + xlsxHref).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Map<String, String> workbook = unzip(xlsx.body());
        List<List<String>> sheet = Spreadsheet.rows(workbook, "Sales");
        assertThat(sheet).as("the Sales sheet: a header row and the sold lines").hasSizeGreaterThan(1);
        List<String> header = sheet.getFirst();
        assertThat(header).as("the Sales sheet's columns").contains("order_id", "product_name", "category_name", "line_total");
        List<List<String>> lines = sheet.stream().filter(row -> row.size() > header.indexOf("order_id")
                && row.get(header.indexOf("order_id")).equals(orderId)).toList();
        assertThat(lines).as("the Sales sheet's line of order " + orderId).singleElement().satisfies(row -> {
            assertThat(row.get(header.indexOf("product_name"))).isEqualTo(name);
            assertThat(row.get(header.indexOf("category_name"))).isEqualTo("Sports");
            assertThat(new BigDecimal(row.get(header.indexOf("line_total")))).as("the line's total").isEqualByComparingTo(PRICE);
        });
    }

    /** The dashboard's "Revenue today" card: the amount and the number of orders. */
    private Revenue revenueToday() {
        if (!browser.url().equals(admin.url("/"))) {
            admin.open("/");
        }
        String card = browser.text(By.id("card-revenue"));
        String amount = browser.text(By.cssSelector("#card-revenue .figure"));
        String orders = card.lines().filter(line -> line.endsWith(" order") || line.endsWith(" orders")).findFirst()
                .orElseThrow(() -> new AssertionError("the revenue card names no number of orders: " + card));
        return new Revenue(new BigDecimal(amount.replace("$", "").replace(",", "")), Integer.parseInt(orders.split(" ")[0]));
    }

    private record Revenue(BigDecimal amount, int orders) {

        Revenue plus(BigDecimal sale) {
            return new Revenue(amount.add(sale), orders + 1);
        }

        /** Whether this much revenue, from this many orders, is reached. */
        boolean includes(Revenue other) {
            return amount.compareTo(other.amount) >= 0 && orders >= other.orders;
        }
    }

    /** The stock page's row of one product: each column's header with the row's value under it. */
    private Map<String, String> stockRow(String productId) {
        List<String> headers = browser.all(By.cssSelector("#results thead th")).stream().map(th -> th.getText().replace("▲", "")
                .replace("▼", "").strip()).toList();
        List<WebElement> cells = browser.find(By.id("stock-" + productId)).findElements(By.cssSelector("th, td"));
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < Math.min(headers.size(), cells.size()); i++) {
            row.put(headers.get(i), cells.get(i).getText().replace("Low", "").strip());
        }
        return row;
    }

    /** The entries of an XLSX file (a zip), read through its central directory as spreadsheet programs do. */
    private static Map<String, String> unzip(byte[] file) {
        Map<String, String> entries = new HashMap<>();
        try {
            Path copy = Files.createTempFile("sales", ".xlsx");
            Files.write(copy, file);
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            finally {
                Files.delete(copy);
            }
        }
        catch (IOException e) {
            throw new AssertionError("the Excel download is not a readable XLSX (zip) file: " + e.getMessage(), e);
        }
        return entries;
    }
}
