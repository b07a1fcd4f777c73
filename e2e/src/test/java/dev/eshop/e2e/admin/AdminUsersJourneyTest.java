package dev.eshop.e2e.admin;

import dev.eshop.e2e.browser.Browser;
import dev.eshop.e2e.shop.AdminApi;
import dev.eshop.e2e.shop.LaunchedShop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who gets into the back office: an admin creates another admin, who can then sign in; a customer
 * who signs in gets the 403 page on every page and cannot post an admin form either, with a way to log out.
 */
class AdminUsersJourneyTest {

    private static LaunchedShop shop;
    private static Browser browser;
    private static AdminApp app;

    @BeforeAll
    static void openTheBackOffice() {
        shop = LaunchedShop.shared();
        browser = Browser.withJavaScript();
        app = new AdminApp(browser, shop);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdminCreatesAnotherAdminWhoCanSignIn() {
        String email = "second-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@eshop.test";
        String password = "second admin password 2026";
        app.signIn(AdminApp.ADMIN_EMAIL, AdminApp.ADMIN_PASSWORD);

        app.open("/users");
        browser.click(By.linkText("Create admin"));
        assertThat(app.heading()).isEqualTo("Create admin");
        app.type("name", "Second Admin").type("email", email).type("password", password).type("confirm_password", password);
        app.press("Create admin");

        app.waitFor("Added the admin Second Admin (" + email + ").");
        app.open("/users?q=" + email);
        String row = browser.text(By.xpath("//tr[td[normalize-space(.)='" + email + "']]"));
        assertThat(row).as("the new admin in the user list").contains("Second Admin", "Admin", "Enabled", "Never");

        app.signIn(email, password);
        assertThat(app.heading()).as("the new admin's first page").isEqualTo("Dashboard");
        assertThat(browser.text(By.cssSelector("header .who"))).as("the top bar").contains("Second Admin", email);
        app.open("/users?q=" + email);
        assertThat(browser.text(By.xpath("//tr[td[normalize-space(.)='" + email + "']]"))).as("the new admin's own row")
                .contains("You").doesNotContain("Never");
    }

    @Test
    void aCustomerReachesNoAdminPageAndCanLogOut() {
        ShopCustomer customer = ShopCustomer.signUp(shop, "Curious Customer");
        // A paid order of the customer's own, which an admin could ship.
        String orderId = customer.order(ShopCustomer.anyVehicleInStock(shop), 1, "30301");
        customer.uploadReceipt(orderId, "Paid in full");
        AdminApi admin = AdminApi.of(shop);
        admin.approvePaymentOf(orderId);
        admin.awaitStatus(orderId, "PAID");
        app.signIn(customer.email(), ShopCustomer.PASSWORD);

        List<String> reached = new ArrayList<>();
        for (String path : AdminPages.ALL) {
            app.open(path);
            int status = app.download(path).statusCode();
            if (status != 403 || !browser.title().startsWith("No access") || !app.bodyText().contains("You don't have access to this page.")) {
                reached.add(path + " (" + status + ", " + browser.title() + ")");
            }
        }
        assertThat(reached).as("admin pages a customer could open").isEmpty();
        assertThat(browser.all(By.cssSelector("nav[aria-label=Admin]"))).as("the admin navigation, shown to a customer").isEmpty();
        assertThat(app.bodyText()).as("the 403 page").contains("You are signed in as " + customer.email());

        // Posting the ship form by hand, with the session's CSRF token, is refused as well: the order stays paid.
        String csrf = browser.find(By.cssSelector("form[action$='/logout'] input[name='_csrf']")).getAttribute("value");
        int shipped = app.post("/orders/" + orderId + "/ship", Map.of("_csrf", csrf, "note", "Shipped by myself")).statusCode();
        assertThat(shipped).as("a customer's POST /orders/{id}/ship").isEqualTo(403);
        assertThat(admin.statusOf(orderId)).as("the order after the customer's attempt to ship it").isEqualTo("PAID");

        // The same token logs out from this very page: it was a valid one, so the refusal above is the access rule's.
        app.press("Log out");
        browser.waitForUrl(shop.url("auth"));
        app.open("/");
        browser.waitForUrl(shop.url("auth") + "/login");
        assertThat(browser.find(By.id("email")).isDisplayed()).as("signed out: the admin app asks for a sign-in again").isTrue();
    }
}
