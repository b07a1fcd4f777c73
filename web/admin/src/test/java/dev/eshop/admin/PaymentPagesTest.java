package dev.eshop.admin;

import dev.eshop.platform.testing.web.FakeServices;
import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Payments (spec/ui.md §2.10): the review queue first, the review page, approve, reject after a confirmation, the proof streamed. */
class PaymentPagesTest extends AdminTestSupport {

    static final UUID PAYMENT = UUID.fromString("0193a4b0-0000-7000-8000-0000000fa001");
    static final UUID ORDER = UUID.fromString("0193a4b0-0000-7000-8000-00004e5f6a7b");

    void pendingPayment(String amount, String customerNote) {
        services.answer("GET", "/v1/payments/" + PAYMENT, 200, Samples.payment(PAYMENT, ORDER, "PENDING", amount, "70105.00",
                "PAYMENT_SUBMITTED", customerNote, null));
        services.answer("GET", "/v1/orders/" + ORDER, 200, Samples.orderDetail(ORDER, "PAYMENT_SUBMITTED", "70105.00", null, ""));
    }

    @Test
    void theListIsTheReviewQueueOldestFirst() {
        services.answer("GET", "/v1/payments", request -> FakeServices.Answer.json(200, "1".equals(request.param("size"))
                ? Samples.page(0, 1, 1)
                : Samples.page(0, 20, 1, Samples.payment(PAYMENT, ORDER, "PENDING", "70105.00", "70105.00", "PAYMENT_SUBMITTED", null, null))));

        Document page = admin().get("/payments").document();

        FakeServices.Request queue = services.requests("GET", "/v1/payments").stream().filter(request -> "20".equals(request.param("size")))
                .findFirst().orElseThrow();
        assertThat(queue.param("status")).isEqualTo("PENDING");
        assertThat(queue.param("sort")).isEqualTo("created_at,asc");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Payments to review");
        Element row = page.selectFirst("#payment-" + PAYMENT);
        assertThat(row.text()).isEqualTo("9 Jan 2025, 09:02 #4E5F6A7B $70,105.00 Payment under review Under review Review");
        assertThat(row.selectFirst("a:contains(Review)").attr("href")).isEqualTo("/payments/" + PAYMENT);
        assertThat(page.selectFirst("th[aria-sort=ascending]").text()).startsWith("Uploaded");
    }

    @Test
    void anEmptyQueueSaysSoAndOtherStatusesAreNewestFirst() {
        assertThat(admin().get("/payments").one("#results").text()).isEqualTo("No payments are waiting for review.");

        Document rejected = admin().get("/payments?status=REJECTED&from=2025-01-01").document();

        FakeServices.Request asked = services.requests("GET", "/v1/payments").stream().filter(request -> "20".equals(request.param("size")))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(asked.param("status")).isEqualTo("REJECTED");
        assertThat(asked.param("sort")).isEqualTo("created_at,desc");
        assertThat(asked.param("from")).isEqualTo("2025-01-01");
        assertThat(rejected.selectFirst("#results").text()).isEqualTo("No payments match these filters.");
        assertThat(rejected.selectFirst("#status option[selected]").text()).isEqualTo("Rejected");
    }

    @Test
    void theReviewPageShowsTheProofTheTotalsWithAWarningAndTheCustomersNote() {
        pendingPayment("70000.00", "Paid from <script>alert(1)</script> account");

        Visitor.Page review = admin().get("/payments/" + PAYMENT);

        Document page = review.document();
        assertThat(page.title()).isEqualTo("Payment for order #4E5F6A7B — Eshop Admin");
        Element proof = page.selectFirst("figure.proof");
        assertThat(proof.selectFirst("a").attr("href")).isEqualTo("/payments/" + PAYMENT + "/image");
        assertThat(proof.selectFirst("a").attr("target")).isEqualTo("_blank");
        assertThat(proof.selectFirst("img").attr("src")).isEqualTo("/payments/" + PAYMENT + "/image");
        assertThat(proof.selectFirst("img").attr("alt")).isEqualTo("Proof of payment for order #4E5F6A7B");
        assertThat(page.selectFirst("dl.totals").text()).isEqualTo("Order total $70,105.00 Payment amount $70,000.00");
        assertThat(page.selectFirst("p.warning").text()).startsWith("The payment amount differs from the order total.");
        assertThat(page.text()).contains("Paid from <script>alert(1)</script> account", "Payment due by 10 Jan 2025, 08:01",
                "Payment under review");
        assertThat(review.html()).doesNotContain("<script>alert(1)");
        assertThat(page.select("#payment-decision .when-idle, #payment-decision button.secondary").eachText()).containsExactly("Approve", "Reject");
        assertThat(page.selectFirst("#reject_note-hint").text()).isEqualTo("Tell the customer why");
    }

    @Test
    void approvingGoesBackToTheQueueWithAMessage() {
        pendingPayment("70105.00", null);
        services.answer("POST", "/v1/payments/" + PAYMENT + "/review", 200, Samples.payment(PAYMENT, ORDER, "APPROVED", "70105.00", "70105.00",
                "PAYMENT_SUBMITTED", null, "Thanks"));
        Visitor admin = admin();
        Visitor.Page review = admin.get("/payments/" + PAYMENT);
        assertThat(review.document().select("p.warning")).isEmpty();

        Visitor.Page done = admin.submit(review.document().select("#payment-decision form").get(0), Map.of("note", "Thanks"));

        assertThat(done.redirect()).isEqualTo("/payments");
        assertThat(services.last("POST", "/v1/payments/" + PAYMENT + "/review").text()).isEqualTo("{\"decision\":\"APPROVED\",\"note\":\"Thanks\"}");
        assertThat(admin.get("/payments").one("p.notice").text()).isEqualTo("Approved the payment for order #4E5F6A7B.");
    }

    @Test
    void rejectingNeedsANoteAndAConfirmationBeforeItIsSent() {
        pendingPayment("70000.00", null);
        services.answer("POST", "/v1/payments/" + PAYMENT + "/review", 200, Samples.payment(PAYMENT, ORDER, "REJECTED", "70000.00", "70105.00",
                "PAYMENT_SUBMITTED", null, "The amount does not match."));
        Visitor admin = admin();
        Element reject = admin.get("/payments/" + PAYMENT).document().select("#payment-decision form").get(1);
        assertThat(reject.attr("data-confirm")).isEqualTo("Reject the payment for order #4E5F6A7B? The customer sees your note, the order is "
                + "closed and its vehicles are released.");

        Visitor.Page noNote = admin.submit(reject, Map.of("note", " "));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.one("#reject_note-error").text()).isEqualTo("Tell the customer why the payment is rejected.");
        assertThat(noNote.one("#reject_note").attr("aria-invalid")).isEqualTo("true");

        Visitor.Page asked = admin.submit(reject, Map.of("note", "The amount does not match."));
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.one("h1").text()).isEqualTo("Reject payment");
        assertThat(asked.one("main p").text()).startsWith("Reject the payment for order #4E5F6A7B?");
        assertThat(services.requests("POST", "/v1/payments/" + PAYMENT + "/review")).isEmpty();

        Visitor.Page done = admin.submit(asked.form("main form"));

        assertThat(done.redirect()).isEqualTo("/payments");
        assertThat(services.last("POST", "/v1/payments/" + PAYMENT + "/review").text())
                .isEqualTo("{\"decision\":\"REJECTED\",\"note\":\"The amount does not match.\"}");
        assertThat(admin.get("/payments").one("p.notice").text()).isEqualTo("Rejected the payment for order #4E5F6A7B.");
    }

    @Test
    void aDecisionTheServiceRefusesIsShownInPlace() {
        pendingPayment("70105.00", null);
        services.answer("POST", "/v1/payments/" + PAYMENT + "/review", 409, Samples.problem(409, "invalid-state",
                "The order has not registered this payment yet. Try again in a moment.", "\"current_status\":\"PENDING_PAYMENT\""));
        Visitor admin = admin();

        Visitor.Page refused = admin.submit(admin.get("/payments/" + PAYMENT).document().select("#payment-decision form").get(0),
                Map.of("note", "ok"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.one("#payment-decision .error-summary").text())
                .contains("The order has not registered this payment yet. Try again in a moment.");
        assertThat(refused.one("#approve_note").wholeText()).isEqualTo("ok");
        assertThat(refused.document().select("#payment-decision form")).hasSize(2);
    }

    @Test
    void aDecidedPaymentShowsTheDecisionAndNoButtons() {
        services.answer("GET", "/v1/payments/" + PAYMENT, 200, Samples.payment(PAYMENT, ORDER, "REJECTED", "70000.00", "70105.00", "REJECTED",
                null, "The amount does not match."));
        services.answer("GET", "/v1/orders/" + ORDER, 200, Samples.orderDetail(ORDER, "REJECTED", "70105.00", null, ""));

        Document page = admin().get("/payments/" + PAYMENT).document();

        assertThat(page.selectFirst("#payment-decision").text())
                .isEqualTo("Decision ✕ Rejected on 9 Jan 2025, 10:00 by Ada Admin Note: The amount does not match.");
        assertThat(page.select("#payment-decision form, #payment-decision button")).isEmpty();
    }

    @Test
    void theProofIsStreamedWithTheAdminsToken() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
        services.answer("GET", "/v1/payments/" + PAYMENT + "/image", request -> FakeServices.Answer.file("image/jpeg", jpeg,
                Map.of("Cache-Control", "private, max-age=300")));

        Visitor.Page image = admin().get("/payments/" + PAYMENT + "/image?variant=thumbnail");

        assertThat(image.status()).isEqualTo(200);
        assertThat(image.result().getResponse().getContentType()).isEqualTo("image/jpeg");
        assertThat(image.result().getResponse().getContentAsByteArray()).isEqualTo(jpeg);
        assertThat(image.header("Content-Disposition")).isEqualTo("inline");
        FakeServices.Request asked = services.last("GET", "/v1/payments/" + PAYMENT + "/image");
        assertThat(asked.param("variant")).isEqualTo("thumbnail");
        assertThat(asked.header("Authorization")).isEqualTo("Bearer " + accessToken(ADMIN_ID));
        assertThat(HttpResponseAssert.assertNotFound(overHttp("GET", "/payments/" + UUID.randomUUID() + "/image", admin().session(), null)))
                .isNotNull();
    }

    @Test
    void searchingKeepsTheChosenSortAndTheQueueSaysWhichWayItRuns() {
        services.answer("GET", "/v1/payments", 200, Samples.page(0, 20, 1,
                Samples.payment(PAYMENT, ORDER, "PENDING", "70105.00", "70105.00", "PAYMENT_SUBMITTED", null, null)));
        Visitor admin = admin();
        Visitor.Page newestFirst = admin.get("/payments?sort=created_at,desc");
        assertThat(newestFirst.one("#results caption").text()).isEqualTo("Payments waiting for review, newest first");

        admin.submit(newestFirst.form("form.filters"), Map.of("from", "2025-01-01"));

        FakeServices.Request asked = lastListCall();
        assertThat(asked.param("from")).isEqualTo("2025-01-01");
        assertThat(asked.param("sort")).isEqualTo("created_at,desc");
    }

    @Test
    void withHtmxADateThatCannotBeReadIsShownNextToItsField() {
        Visitor admin = admin();
        Element filters = admin.get("/payments").form("form.filters");

        Visitor.Page answer = admin.htmx().submit(filters, Map.of("to", "yesterday"));

        Element swapped = answer.document().selectFirst(filters.attr("hx-select"));
        assertThat(swapped.selectFirst("#to-error").text()).isEqualTo("Enter a date like 2025-01-31.");
        assertThat(swapped.selectFirst("#to").attr("aria-invalid")).isEqualTo("true");
        assertThat(swapped.selectFirst("#to").val()).isEqualTo("yesterday");
    }

    @Test
    void theSecondPageIsAskedForAndThePagerShowsIt() {
        services.answer("GET", "/v1/payments", 200, Samples.page(1, 20, 45,
                Samples.payment(PAYMENT, ORDER, "APPROVED", "70105.00", "70105.00", "PAID", null, null)));

        Document page = admin().get("/payments?status=all&page=2").document();

        assertSecondPageOf45(page, lastListCall(), "/payments?status=all");
    }

    /** The list's call, not the navigation's count of payments awaiting review (size 1). */
    private FakeServices.Request lastListCall() {
        return services.requests("GET", "/v1/payments").stream().filter(request -> "20".equals(request.param("size")))
                .reduce((first, second) -> second).orElseThrow();
    }
}
