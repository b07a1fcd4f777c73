package dev.eshop.e2e.admin;

import dev.eshop.e2e.browser.Browser;
import dev.eshop.e2e.shop.AdminApi;
import dev.eshop.e2e.shop.LaunchedShop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core on every page of the admin app, filled with real data (a demo product, a warehouse, orders
 * under review, paid and on their way, a payment awaiting review and one decided): no serious or
 * critical violation anywhere, the confirmation pages, the 403 page a customer gets and a form showing
 * its errors included. Some pages are kept as screenshots.
 */
class AdminAccessibilityTest {

    private static LaunchedShop shop;
    private static Browser browser;
    private static AdminApp admin;
    private static String productId;
    private static String warehouseId;
    private static String orderId;
    private static String paymentId;
    private static String paidOrderId;
    private static String decidedPaymentId;
    private static String shippedOrderId;
    private static String categoryId;
    private static String otherWarehouseId;
    private static String customerId;

    @BeforeAll
    static void placeOrdersToLookAt() {
        shop = LaunchedShop.shared();
        browser = Browser.withJavaScript();
        admin = new AdminApp(browser, shop);

        // Three orders of one customer: one under review, one paid (its payment decided), one on its way.
        productId = ShopCustomer.anyVehicleInStock(shop);
        ShopCustomer customer = ShopCustomer.signUp(shop, "Axe Customer");
        orderId = customer.order(productId, 1, "10001");
        paymentId = customer.uploadReceipt(orderId, "Transfer from my bank");
        paidOrderId = customer.order(productId, 1, "10001");
        customer.uploadReceipt(paidOrderId, "Transfer from my bank");
        shippedOrderId = customer.order(productId, 1, "10001");
        customer.uploadReceipt(shippedOrderId, "Transfer from my bank");
        AdminApi api = AdminApi.of(shop);
        decidedPaymentId = api.approvePaymentOf(paidOrderId);
        api.approvePaymentOf(shippedOrderId);
        api.ship(shippedOrderId, "UPS 1Z999");
        api.awaitStatus(paidOrderId, "PAID");

        admin.signIn(AdminApp.ADMIN_EMAIL, AdminApp.ADMIN_PASSWORD);
        admin.open("/warehouses");
        String edit = browser.find(By.xpath("//a[starts-with(@aria-label, 'Edit ')]")).getAttribute("href");
        warehouseId = edit.replaceAll(".*/warehouses/([^/]+)/edit", "$1");
        String makeMain = browser.find(By.cssSelector("a[href*='/make-main']")).getAttribute("href");
        otherWarehouseId = makeMain.replaceAll(".*/warehouses/([^/]+)/make-main", "$1");
        admin.open("/categories");
        categoryId = browser.find(By.cssSelector(".category-row[id^='category-']")).getAttribute("id").substring("category-".length());
        admin.open("/users?q=" + customer.email());
        String disable = browser.find(By.cssSelector("a[href*='/disable']")).getAttribute("href");
        customerId = disable.replaceAll(".*/users/([^/?]+)/disable.*", "$1");
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Each page by name and path, with the name of its screenshots where one is kept. */
    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of("dashboard", "/", null),
                Arguments.of("products", "/products", null),
                Arguments.of("new product form", "/products/new", null),
                Arguments.of("product edit form", "/products/" + productId + "/edit", null),
                Arguments.of("product delete confirmation", "/products/" + productId + "/delete", null),
                Arguments.of("categories", "/categories", "admin-categories"),
                Arguments.of("category delete confirmation", "/categories/" + categoryId + "/delete", null),
                Arguments.of("warehouses", "/warehouses", "admin-warehouses"),
                Arguments.of("new warehouse form", "/warehouses/new", null),
                Arguments.of("warehouse edit form", "/warehouses/" + warehouseId + "/edit", null),
                Arguments.of("warehouse make-main confirmation", "/warehouses/" + otherWarehouseId + "/make-main", null),
                Arguments.of("warehouse delete confirmation", "/warehouses/" + otherWarehouseId + "/delete", null),
                Arguments.of("stock by product", "/stock", null),
                Arguments.of("stock by warehouse", "/stock?view=warehouse", null),
                Arguments.of("transfer", "/stock/transfer?product_id=" + productId, null),
                Arguments.of("restock", "/stock/restock?product_id=" + productId, null),
                Arguments.of("movements", "/movements", "admin-movements"),
                Arguments.of("orders", "/orders", null),
                Arguments.of("order detail under review", "/orders/" + orderId, null),
                Arguments.of("order detail, paid (ship form)", "/orders/" + paidOrderId, "admin-order-paid"),
                Arguments.of("order detail, on delivery (deliver form)", "/orders/" + shippedOrderId, null),
                Arguments.of("payments queue", "/payments", null),
                Arguments.of("payment review", "/payments/" + paymentId, null),
                Arguments.of("payment already decided", "/payments/" + decidedPaymentId, null),
                Arguments.of("sales report", "/reports/sales", null),
                Arguments.of("users", "/users", "admin-users"),
                Arguments.of("user disable confirmation", "/users/" + customerId + "/disable", null),
                Arguments.of("user enable confirmation", "/users/" + customerId + "/enable", null),
                Arguments.of("new admin form", "/users/new-admin", null),
                Arguments.of("not found page", "/orders/" + UUID.randomUUID(), null));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("pages")
    void hasNoSeriousAccessibilityViolations(String page, String path, String screenshots) {
        signedInAsAdmin();
        admin.open(path);
        assertThat(browser.all(By.tagName("h1"))).as("the %s page's headings", page).hasSize(1);
        assertThat(browser.title()).as("the %s page's title", page).endsWith(" — Eshop Admin");
        assertViolationFree(page);
        if (screenshots != null) {
            admin.screenshots(screenshots);
        }
    }

    @Test
    void ordersShowTheActionTheirStatusAllows() {
        signedInAsAdmin();
        admin.open("/orders/" + paidOrderId);
        assertThat(browser.all(By.id("note"))).as("the paid order's tracking note field").hasSize(1);
        assertThat(admin.bodyText()).as("the paid order's page").contains("Mark as shipped").doesNotContain("Mark as delivered");
        admin.open("/orders/" + shippedOrderId);
        assertThat(admin.bodyText()).as("the shipped order's page").contains("UPS 1Z999", "Mark as delivered")
                .doesNotContain("Mark as shipped");
        admin.open("/payments/" + decidedPaymentId);
        assertThat(browser.text(By.id("payment-decision"))).as("the decided payment").contains("Approved")
                .doesNotContain("Reject");
    }

    @Test
    void aFormShowingItsErrorsIsAccessible() {
        signedInAsAdmin();
        admin.open("/warehouses/new");
        admin.press("Add warehouse");
        admin.waitFor("Please correct the following:");
        assertThat(browser.find(By.id("zip_code")).getAttribute("aria-invalid")).as("the zip code field, left empty").isEqualTo("true");
        assertViolationFree("new warehouse form with errors");
    }

    @Test
    void theNoAccessPageIsAccessible() {
        ShopCustomer customer = ShopCustomer.signUp(shop, "Axe Visitor");
        admin.signIn(customer.email(), ShopCustomer.PASSWORD);
        admin.open("/orders");
        assertThat(admin.heading()).isEqualTo("No access");
        assertViolationFree("403");
    }

    private static void signedInAsAdmin() {
        admin.open("/");
        if (browser.all(By.cssSelector("nav[aria-label=Admin]")).isEmpty()) {
            admin.signIn(AdminApp.ADMIN_EMAIL, AdminApp.ADMIN_PASSWORD);
        }
    }

    private static void assertViolationFree(String page) {
        List<String> violations = browser.accessibilityViolations();
        assertThat(violations).as("serious and critical axe-core violations on the %s page (%s)", page, browser.url()).isEmpty();
    }
}
