package dev.eshop.admin;

import dev.eshop.platform.testing.web.FakeServices;
import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Orders (spec/ui.md §2.9): tabs and filters, the detail with its timeline, shipping and marking delivered. */
class OrderPagesTest extends AdminTestSupport {

    static final UUID ORDER = UUID.fromString("0193a4b0-0000-7000-8000-00004e5f6a7b");

    @Test
    void theTabsFilterByStatusAndTheRowsShowNumberCustomerAndTotal() {
        services.answer("GET", "/v1/orders", 200, Samples.page(0, 20, 1,
                Samples.orderSummary(ORDER, "PAID", "70105.00", 1, "Carl <i>Customer</i>", "carl@example.com")));

        Visitor.Page page = admin().get("/orders?status=PAID");

        Document html = page.document();
        assertThat(html.select("nav.tabs a").eachText()).containsExactly("All", "Awaiting payment", "To review", "To ship", "On delivery", "Closed");
        assertThat(html.select("nav.tabs a[aria-current=page]").text()).isEqualTo("To ship");
        assertThat(html.selectFirst("nav.tabs a:contains(Closed)").attr("href"))
                .isEqualTo("/orders?status=DELIVERED&status=REJECTED&status=EXPIRED&status=CANCELLED");
        Element row = html.selectFirst("#order-" + ORDER);
        assertThat(row.text()).isEqualTo("#4E5F6A7B 9 Jan 2025, 08:01 Carl <i>Customer</i> carl@example.com 1 $70,105.00 ✓ Paid");
        assertThat(row.selectFirst("a").attr("href")).isEqualTo("/orders/" + ORDER);
        assertThat(page.html()).doesNotContain("<i>Customer</i>");
        assertThat(html.select("#status option[selected]").eachText()).containsExactly("Paid");
        assertThat(services.last("GET", "/v1/orders").params("status")).containsExactly("PAID");
    }

    @Test
    void theFiltersTravelToOrderAndAnEmptyResultSaysSo() {
        Document page = admin().get("/orders?status=DELIVERED&status=CANCELLED&from={f}&to={t}&q={q}&sort=total,desc", "2025-01-01",
                "2025-01-31", "carl+1@example.com").document();

        FakeServices.Request asked = services.last("GET", "/v1/orders");
        assertThat(asked.params("status")).containsExactly("DELIVERED", "CANCELLED");
        assertThat(asked.param("from")).isEqualTo("2025-01-01");
        assertThat(asked.param("to")).isEqualTo("2025-01-31");
        assertThat(asked.param("q")).isEqualTo("carl+1@example.com");
        assertThat(asked.param("sort")).isEqualTo("total,desc");
        assertThat(page.selectFirst("#results").text()).isEqualTo("No orders match these filters.");
        assertThat(page.select("nav.tabs a[aria-current]")).isEmpty();
    }

    @Test
    void anOrderNumberIsSearchedAsShown() {
        admin().get("/orders?q={q}", "#4E5F6A7B");

        assertThat(services.last("GET", "/v1/orders").param("q")).isEqualTo("4E5F6A7B");
    }

    @Test
    void theDetailShowsEverythingAndAPaidOrderCanBeShippedWithANote() {
        UUID payment = UUID.randomUUID();
        services.answer("GET", "/v1/orders/" + ORDER, 200, Samples.orderDetail(ORDER, "PAID", "70105.00", null, "\"SHIP\"",
                ">PENDING_PAYMENT@2025-01-09T08:01:46Z", "PENDING_PAYMENT>PAYMENT_SUBMITTED@2025-01-09T09:02:00Z",
                "PAYMENT_SUBMITTED>PAID@2025-01-09T10:00:00Z:note:Looks <fine>"));
        services.answer("GET", "/v1/payments", 200, Samples.page(0, 1, 1, Samples.payment(payment, ORDER, "APPROVED", "70105.00", "70105.00",
                "PAID", null, null)));
        services.answer("PATCH", "/v1/orders/" + ORDER + "/status", 200, Samples.orderDetail(ORDER, "ON_DELIVERY", "70105.00", null, ""));
        Visitor admin = admin();

        Visitor.Page detail = admin.get("/orders/" + ORDER);

        Document page = detail.document();
        assertThat(page.title()).isEqualTo("Order #4E5F6A7B — Eshop Admin");
        assertThat(page.selectFirst(".page-heading").text()).isEqualTo("Order #4E5F6A7B ✓ Paid");
        assertThat(page.text()).contains("Order id " + ORDER, "Carl Customer", "carl.customer@example.com", "5 Elm Street",
                "Springfield, IL 10000", "Note: Ring twice");
        assertThat(page.select("table").get(0).select("tbody tr").text()).isEqualTo("Mazda CX-60 SKU-7Q2M4K9D SUV 1 $70,000.00 $70,000.00");
        assertThat(page.selectFirst("dl.totals").text()).isEqualTo("Subtotal $70,000.00 Shipping $105.00 Total $70,105.00");
        assertThat(page.select("table").get(1).select("tbody tr").text()).isEqualTo("Central 10250 1 $105.00");
        assertThat(page.select("ol.timeline li").eachText()).containsExactly(
                "Awaiting payment, 9 Jan 2025, 08:01, by Ada Admin (admin)",
                "Payment under review, 9 Jan 2025, 09:02, by Ada Admin (admin)",
                "Paid, 9 Jan 2025, 10:00, by Ada Admin (admin) — Looks <fine>");
        assertThat(page.selectFirst("a:contains(View payment)").attr("href")).isEqualTo("/payments/" + payment);
        assertThat(page.selectFirst("a:contains(Stock movements of this order)").attr("href")).isEqualTo("/movements?order_id=" + ORDER);
        assertThat(page.select("#order-actions button .when-idle").eachText()).containsExactly("Mark as shipped");
        assertThat(services.requests("GET", "/v1/payments")).extracting(request -> request.param("order_id")).contains(ORDER.toString());

        Visitor.Page shipped = admin.submit(detail.form("#order-actions form"), Map.of("note", "DHL 12345678"));

        assertThat(shipped.redirect()).isEqualTo("/orders/" + ORDER);
        assertThat(services.last("PATCH", "/v1/orders/" + ORDER + "/status").text())
                .isEqualTo("{\"status\":\"ON_DELIVERY\",\"note\":\"DHL 12345678\",\"version\":3}");
        assertThat(admin.get("/orders/" + ORDER).one("p.notice").text()).isEqualTo("Marked order #4E5F6A7B as shipped.");
    }

    @Test
    void aShipTheServiceRefusesIsShownInPlaceWithTheNoteKept() {
        services.answer("GET", "/v1/orders/" + ORDER, 200, Samples.orderDetail(ORDER, "PAID", "70105.00", null, "\"SHIP\""));
        services.answer("PATCH", "/v1/orders/" + ORDER + "/status", 409, Samples.problem(409, "invalid-state",
                "Only a paid order can be shipped; this one is delivered.", "\"current_status\":\"DELIVERED\""));
        Visitor admin = admin();

        Visitor.Page refused = admin.submit(admin.get("/orders/" + ORDER).form("#order-actions form"), Map.of("note", "UPS 998877"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.one(".error-summary").text()).contains("Only a paid order can be shipped; this one is delivered.");
        assertThat(refused.one("#note").wholeText()).isEqualTo("UPS 998877");

        Visitor.Page htmx = admin.htmx().submit(admin.get("/orders/" + ORDER).form("#order-actions form"), Map.of("note", "UPS 998877"));
        assertThat(htmx.status()).isEqualTo(409);
        assertThat(htmx.html()).doesNotContain("<html");
        assertThat(htmx.one("#order-actions .error-summary").text()).contains("this one is delivered");
    }

    @Test
    void anOrderOnItsWayIsMarkedDelivered() {
        services.answer("GET", "/v1/orders/" + ORDER, 200, Samples.orderDetail(ORDER, "ON_DELIVERY", "70105.00", null, "\"MARK_DELIVERED\""));
        services.answer("PATCH", "/v1/orders/" + ORDER + "/status", 200, Samples.orderDetail(ORDER, "DELIVERED", "70105.00", null, ""));
        Visitor admin = admin();
        Visitor.Page detail = admin.get("/orders/" + ORDER);
        assertThat(detail.document().select("#order-actions button .when-idle").eachText()).containsExactly("Mark as delivered");
        assertThat(detail.text()).contains("No proof of payment uploaded yet.");

        Visitor.Page done = admin.submit(detail.form("#order-actions form"));

        assertThat(done.redirect()).isEqualTo("/orders/" + ORDER);
        assertThat(services.last("PATCH", "/v1/orders/" + ORDER + "/status").json().get("status").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void anUnknownOrderIsThePageNotFound() {
        HttpResponseAssert.assertNotFound(overHttp("GET", "/orders/" + UUID.randomUUID(), admin().session(), null));
        HttpResponseAssert.assertNotFound(overHttp("GET", "/orders/not-an-id", admin().session(), null));
    }

    @Test
    void searchingKeepsTheChosenSort() {
        Visitor admin = admin();
        Element filters = admin.get("/orders?sort=total,desc").form("form.filters");

        admin.submit(filters, Map.of("q", "carl@example.com"));

        FakeServices.Request asked = services.last("GET", "/v1/orders");
        assertThat(asked.param("q")).isEqualTo("carl@example.com");
        assertThat(asked.param("sort")).isEqualTo("total,desc");
    }

    @Test
    void withHtmxADateThatCannotBeReadIsShownNextToItsField() {
        Visitor admin = admin();
        Element filters = admin.get("/orders").form("form.filters");

        Visitor.Page answer = admin.htmx().submit(filters, Map.of("from", "31/01/2025"));

        Element swapped = answer.document().selectFirst(filters.attr("hx-select"));
        assertThat(swapped.selectFirst("#from-error").text()).isEqualTo("Enter a date like 2025-01-31.");
        assertThat(swapped.selectFirst("#from").attr("aria-invalid")).isEqualTo("true");
        assertThat(swapped.selectFirst("#from").val()).isEqualTo("31/01/2025");
        assertThat(swapped.selectFirst(".error-summary").text()).contains("Enter a date like 2025-01-31.");
    }

    @Test
    void theSecondPageIsAskedForAndThePagerShowsIt() {
        services.answer("GET", "/v1/orders", 200, Samples.page(1, 20, 45,
                Samples.orderSummary(ORDER, "PAID", "70105.00", 1, "Carl Customer", "carl@example.com")));

        Document page = admin().get("/orders?status=PAID&page=2").document();

        assertSecondPageOf45(page, services.last("GET", "/v1/orders"), "/orders?status=PAID");
        assertThat(page.select("#results tbody tr")).hasSize(1);
    }
}
