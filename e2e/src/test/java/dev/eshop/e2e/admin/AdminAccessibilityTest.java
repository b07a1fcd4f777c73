package dev.eshop.e2e.admin;

import dev.eshop.e2e.browser.Browser;
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
 * axe-core on every page of the admin app, filled with real data (a demo product, a warehouse, an
 * order whose receipt awaits review): no serious or critical violation anywhere, the 403 page a
 * customer gets and a form showing its errors included.
 */
class AdminAccessibilityTest {

    private static LaunchedShop shop;
    private static Browser browser;
    private static AdminApp admin;
    private static String productId;
    private static String warehouseId;
    private static String orderId;
    private static String paymentId;

    @BeforeAll
    static void placeAnOrderToLookAt() {
        shop = LaunchedShop.shared();
        browser = Browser.withJavaScript();
        admin = new AdminApp(browser, shop);

        productId = ShopCustomer.anyVehicleInStock(shop);
        ShopCustomer customer = ShopCustomer.signUp(shop, "Axe Customer");
        orderId = customer.order(productId, 1, "10001");
        paymentId = customer.uploadReceipt(orderId, "Transfer from my bank");

        admin.signIn(AdminApp.ADMIN_EMAIL, AdminApp.ADMIN_PASSWORD);
        admin.open("/warehouses");
        String edit = browser.find(By.xpath("//a[starts-with(@aria-label, 'Edit ')]")).getAttribute("href");
        warehouseId = edit.replaceAll(".*/warehouses/([^/]+)/edit", "$1");
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of("dashboard", "/"),
                Arguments.of("products", "/products"),
                Arguments.of("new product form", "/products/new"),
                Arguments.of("product edit form", "/products/" + productId + "/edit"),
                Arguments.of("product delete confirmation", "/products/" + productId + "/delete"),
                Arguments.of("categories", "/categories"),
                Arguments.of("warehouses", "/warehouses"),
                Arguments.of("new warehouse form", "/warehouses/new"),
                Arguments.of("warehouse edit form", "/warehouses/" + warehouseId + "/edit"),
                Arguments.of("stock by product", "/stock"),
                Arguments.of("stock by warehouse", "/stock?view=warehouse"),
                Arguments.of("transfer", "/stock/transfer?product_id=" + productId),
                Arguments.of("restock", "/stock/restock?product_id=" + productId),
                Arguments.of("movements", "/movements"),
                Arguments.of("orders", "/orders"),
                Arguments.of("order detail", "/orders/" + orderId),
                Arguments.of("payments queue", "/payments"),
                Arguments.of("payment review", "/payments/" + paymentId),
                Arguments.of("sales report", "/reports/sales"),
                Arguments.of("users", "/users"),
                Arguments.of("new admin form", "/users/new-admin"),
                Arguments.of("not found page", "/orders/" + UUID.randomUUID()));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("pages")
    void hasNoSeriousAccessibilityViolations(String page, String path) {
        signedInAsAdmin();
        admin.open(path);
        assertThat(browser.all(By.tagName("h1"))).as("the %s page's headings", page).hasSize(1);
        assertThat(browser.title()).as("the %s page's title", page).endsWith(" — Eshop Admin");
        assertViolationFree(page);
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
