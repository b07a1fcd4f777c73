package dev.eshop.e2e.admin;

import dev.eshop.e2e.browser.Browser;
import dev.eshop.e2e.shop.LaunchedShop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receipt that does not add up: the admin rejects it, which needs a note for the customer and a
 * confirmation in a dialog; the order closes and its vehicle goes back on sale.
 */
class AdminRejectionJourneyTest {

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
    void anAdminRejectsAReceiptWithANoteAfterConfirming() {
        ShopCustomer customer = ShopCustomer.signUp(shop, "Rita Receipt");
        String orderId = customer.order(ShopCustomer.anyVehicleInStock(shop), 1, "94105");
        String paymentId = customer.uploadReceipt(orderId, "Half now, half next week");
        String orderNumber = "#" + orderId.substring(orderId.length() - 8).toUpperCase();
        admin.signIn(AdminApp.ADMIN_EMAIL, AdminApp.ADMIN_PASSWORD);
        admin.reloadUntil("/payments/" + paymentId, "the order to show the receipt as under review",
                () -> browser.text(By.cssSelector("section[aria-labelledby=order-title]")).contains("Payment under review"));

        // Without a note there is nothing to confirm: the page asks for the note.
        admin.press("Reject");
        admin.waitFor("Tell the customer why the payment is rejected.");
        assertThat(browser.find(By.id("reject_note")).getAttribute("aria-invalid")).as("the note, left empty").isEqualTo("true");
        assertThat(browser.find(By.id("confirm-dialog")).getAttribute("open")).as("the confirmation dialog").isNull();

        admin.type("reject_note", "We received only half of the amount.");
        admin.press("Reject");
        WebElement dialog = browser.find(By.cssSelector("dialog#confirm-dialog[open]"));
        assertThat(dialog.getText()).as("the confirmation").contains("Reject the payment for order " + orderNumber + "?");
        assertThat(browser.accessibilityViolations()).as("axe-core violations with the dialog open").isEmpty();
        browser.click(By.id("confirm-dialog-button"));

        admin.waitFor("Rejected the payment for order " + orderNumber + ".");
        admin.reloadUntil("/orders/" + orderId, "the order to close as rejected",
                () -> browser.text(By.cssSelector(".page-heading .badge")).endsWith("Payment rejected"));
        assertThat(browser.text(By.cssSelector("ol.timeline"))).as("the order's timeline").contains("We received only half of the amount.");
        assertThat(browser.all(By.xpath("//button[contains(., 'Mark as')]"))).as("actions on a rejected order").isEmpty();
        admin.reloadUntil("/movements?order_id=" + orderId, "the vehicle to go back on sale",
                () -> browser.text(By.id("results")).contains("Released from order"));
    }
}
