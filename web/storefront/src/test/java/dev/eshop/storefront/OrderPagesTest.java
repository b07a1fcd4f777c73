package dev.eshop.storefront;

import dev.eshop.platform.testing.web.FakeServices;
import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** "My orders", an order's page, paying with a proof, cancelling, confirming delivery (spec/ui.md §1.8, §1.9). */
class OrderPagesTest extends StorefrontTestSupport {

    private static final UUID ORDER = UUID.fromString("0193a4b0-1111-7000-8000-00004e5f6a7b");
    private static final Instant DUE = Instant.parse("2025-01-10T08:01:46Z");

    private void order(String status, Long secondsLeft, String payment, List<String> actions, String... history) {
        services.answer("GET", "/v1/orders/" + ORDER, 200, Samples.order(ORDER, status, "68605.00", DUE, secondsLeft, payment, actions, history));
    }

    private static String summary(UUID id, String status, int lines, String first) {
        return """
                {"id":"%s","status":"%s","total":68605.00,"currency":"USD","line_count":%d,"item_count":%d,"first_item_name":"%s",
                 "thumbnail_url":null,"payment_due_at":"2025-01-10T08:01:46Z","created_at":"2025-01-09T08:01:46Z"}"""
                .formatted(id, status, lines, lines + 1, first);
    }

    @Test
    void myOrdersListsNumberDateVehiclesTotalAndStatus() {
        services.answer("GET", "/v1/orders/me", 200, Samples.page(0, 10, 23,
                summary(ORDER, "PENDING_PAYMENT", 2, "Mazda CX-60"), summary(UUID.randomUUID(), "ON_DELIVERY", 1, "Honda CB650R")));

        Document page = customer().get("/orders?status=in-progress").document();

        assertThat(page.title()).isEqualTo("My orders — Eshop");
        assertThat(page.selectFirst("table caption").text()).isEqualTo("Your orders, newest first");
        Element first = page.selectFirst("tbody tr");
        assertThat(first.selectFirst("th[scope=row] a").text()).isEqualTo("#4E5F6A7B");
        assertThat(first.selectFirst("th[scope=row] a").attr("href")).isEqualTo("/orders/" + ORDER);
        assertThat(first.selectFirst("time").text()).isEqualTo("9 Jan 2025, 08:01");
        assertThat(first.selectFirst("time").attr("datetime")).isEqualTo("2025-01-09T08:01:46Z");
        assertThat(first.select("td").eachText()).containsExactly("9 Jan 2025, 08:01", "Mazda CX-60 + 1 more", "$68,605.00", "Awaiting payment");
        assertThat(page.select("tbody tr").get(1).selectFirst(".badge").text()).isEqualTo("On delivery");
        assertThat(page.select("tbody tr").get(1).selectFirst(".badge .badge-icon").attr("aria-hidden"))
                .as("the truck is drawn beside the words, hidden from screen readers").isEqualTo("true");
        assertThat(page.select("tbody tr").get(1).selectFirst(".badge .badge-icon").hasClass("status-on_delivery")).isTrue();
        assertThat(page.text()).contains("Times are in UTC.");
        assertThat(page.select("nav.tabs a").eachText()).containsExactly("All", "Awaiting payment", "In progress", "Completed", "Closed");
        assertThat(page.selectFirst("nav.tabs a[aria-current=page]").text()).isEqualTo("In progress");

        FakeServices.Request list = services.last("GET", "/v1/orders/me");
        assertThat(list.params("status")).containsExactly("PAYMENT_SUBMITTED", "PAID", "ON_DELIVERY");
        assertThat(list.param("size")).isEqualTo("10");
        assertThat(list.param("page")).isEqualTo("0");
        assertThat(page.selectFirst("nav.paging a[rel=next]").attr("href")).isEqualTo("/orders?status=in-progress&page=2");
    }

    @Test
    void noOrdersYetSaysSo() {
        Document page = customer().get("/orders").document();

        assertThat(page.selectFirst("main").text()).contains("You have no orders yet.");
        assertThat(page.selectFirst("main a[role=button]").attr("href")).isEqualTo("/products");
        assertThat(services.last("GET", "/v1/orders/me").params("status")).isEmpty();
    }

    @Test
    void anOrderAwaitingPaymentShowsTheAmountDeadlineCountdownInstructionsAndTheUploadForm() {
        order("PENDING_PAYMENT", 83_520L, null, List.of("CANCEL", "UPLOAD_PAYMENT"), ">PENDING_PAYMENT@2025-01-09T08:01:46Z");

        Document page = customer().get("/orders/" + ORDER).document();

        assertThat(page.title()).isEqualTo("Order #4E5F6A7B — Eshop");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Order #4E5F6A7B");
        assertThat(page.text()).contains("Order id " + ORDER);
        Element panel = page.selectFirst("#status-panel");
        assertThat(panel.text()).contains("Please pay $68,605.00 by 10 Jan 2025, 08:01. 23 h 12 min left");
        assertThat(panel.selectFirst("[data-countdown]").text()).isEqualTo("23 h 12 min left");
        assertThat(panel.text()).contains("Eshop Bank", "Use your order number as the transfer reference.");
        assertThat(panel.attr("hx-get")).isEqualTo("/orders/" + ORDER + "/status?shown=PENDING_PAYMENT");
        assertThat(panel.attr("hx-trigger")).isEqualTo("every 30s");
        assertThat(panel.selectFirst("a:contains(Refresh)").attr("href")).isEqualTo("/orders/" + ORDER);

        Element upload = panel.selectFirst("form[enctype=multipart/form-data]");
        assertThat(upload.attr("action")).isEqualTo("/orders/" + ORDER + "/payment");
        assertThat(upload.selectFirst("#image").attr("accept")).isEqualTo("image/jpeg,image/png,image/webp");
        assertThat(upload.selectFirst("#image-hint").text()).isEqualTo("JPEG, PNG or WebP, up to 2 MB");
        assertThat(upload.selectFirst("button").text()).isEqualTo("Upload proof of payment");
        assertThat(panel.selectFirst("a:contains(Cancel order)").attr("href")).isEqualTo("/orders/" + ORDER + "/cancel");
        assertThat(panel.selectFirst("dialog#cancel-dialog").text()).contains("Cancel this order? The vehicles will be released.");

        assertThat(page.select("ol.timeline li").eachText()).containsExactly("Order placed — 9 Jan 2025, 08:01", "Paid — still ahead",
                "On delivery — still ahead", "Delivered — still ahead");
        assertThat(page.select("ol.timeline li.upcoming")).hasSize(3);
        assertThat(page.selectFirst("table.items caption").text()).isEqualTo("Vehicles in this order");
        assertThat(page.selectFirst("table.items tbody tr").text()).isEqualTo("Mazda CX-60 1 $68,500.00 $68,500.00");
        assertThat(page.selectFirst("dl.totals").text()).isEqualTo("Subtotal $68,500.00 Shipping $105.00 Total $68,605.00");
        assertThat(page.selectFirst("address").text()).isEqualTo("1 Main Street 10000 Springfield Illinois");
    }

    @Test
    void theCountdownIsNotReadOutEverySecondWhileThePanelStillAnnouncesChanges() {
        order("PENDING_PAYMENT", 83_520L, null, List.of("CANCEL", "UPLOAD_PAYMENT"), ">PENDING_PAYMENT@2025-01-09T08:01:46Z");

        Element panel = customer().get("/orders/" + ORDER).document().selectFirst("#status-panel");

        assertThat(panel.attr("aria-live")).isEqualTo("polite");
        Element countdown = panel.selectFirst("[data-countdown]");
        assertThat(countdown.attr("aria-live")).isEqualTo("off");
        assertThat(countdown.attr("data-countdown")).as("the script counts down from the server's seconds").isEqualTo("83520");
    }

    @Test
    void whenThePaymentTimeIsUpButTheOrderIsNotClosedYetThereIsNoCountdownToRunAgain() {
        order("PENDING_PAYMENT", 0L, null, List.of("CANCEL", "UPLOAD_PAYMENT"), ">PENDING_PAYMENT@2025-01-09T08:01:46Z");
        Visitor customer = customer();

        Element panel = customer.get("/orders/" + ORDER).document().selectFirst("#status-panel");
        assertThat(panel.select("[data-countdown]")).isEmpty();
        assertThat(panel.text()).contains("The payment time is up; the order will be cancelled shortly.")
                .doesNotContain("no time left");
        assertThat(panel.attr("hx-trigger")).as("the normal polling shows the order once it is closed").isEqualTo("every 30s");

        // What the script asks for when its countdown reaches zero: the panel again, without a countdown to restart.
        Visitor.Page reloaded = customer.htmx().on("/orders/" + ORDER).get(panel.attr("data-status-url"));
        assertThat(reloaded.document().select("#status-panel")).hasSize(1);
        assertThat(reloaded.document().select("[data-countdown]")).isEmpty();
    }

    @Test
    void eachStatusSaysWhatHappensNow() {
        String payment = """
                {"payment_id":"%s","status":"PENDING","admin_note":null,"updated_at":"2025-01-09T09:02:00Z"}""".formatted(UUID.randomUUID());
        order("PAYMENT_SUBMITTED", null, payment, List.of(), ">PENDING_PAYMENT@2025-01-09T08:01:46Z",
                "PENDING_PAYMENT>PAYMENT_SUBMITTED@2025-01-09T09:02:10Z");
        Element submitted = customer().get("/orders/" + ORDER).document().selectFirst("#status-panel");
        assertThat(submitted.text()).contains("We received your proof of payment on 9 Jan 2025, 09:02 and are checking it.");
        assertThat(submitted.selectFirst("img").attr("src")).isEqualTo("/orders/" + ORDER + "/payment-proof?variant=thumbnail");
        assertThat(submitted.select("form, a:contains(Cancel order), [data-countdown]")).isEmpty();

        order("ON_DELIVERY", null, null, List.of("CONFIRM_DELIVERY"), ">PENDING_PAYMENT@2025-01-09T08:01:46Z",
                "PAID>ON_DELIVERY@2025-01-11T10:00:00Z:note:DHL, tracking 0034 1234");
        Element onItsWay = customer().get("/orders/" + ORDER).document().selectFirst("#status-panel");
        assertThat(onItsWay.text()).contains("Your order is on its way.", "DHL, tracking 0034 1234");
        assertThat(onItsWay.selectFirst("form").attr("action")).isEqualTo("/orders/" + ORDER + "/confirm-delivery");
        assertThat(onItsWay.selectFirst("form button").text()).isEqualTo("I have received my order");

        order("REJECTED", null, """
                {"payment_id":"%s","status":"REJECTED","admin_note":"the amount does not match","updated_at":"2025-01-10T09:00:00Z"}"""
                .formatted(UUID.randomUUID()), List.of(), ">PENDING_PAYMENT@2025-01-09T08:01:46Z",
                "PAYMENT_SUBMITTED>REJECTED@2025-01-10T09:00:00Z:note:the amount does not match");
        Document rejected = customer().get("/orders/" + ORDER).document();
        assertThat(rejected.selectFirst("#status-panel").text()).contains("Your payment was not accepted: the amount does not match. "
                + "The vehicles have been released; you can place a new order.");
        assertThat(rejected.selectFirst("#status-panel").hasAttr("hx-get")).as("a final order is not polled").isFalse();
        assertThat(rejected.select("ol.timeline li").eachText()).containsExactly("Order placed — 9 Jan 2025, 08:01",
                "Payment rejected — 10 Jan 2025, 09:00 — the amount does not match");

        order("EXPIRED", null, null, List.of(), ">PENDING_PAYMENT@2025-01-09T08:01:46Z");
        assertThat(customer().get("/orders/" + ORDER).document().selectFirst("#status-panel").text())
                .contains("The payment window closed on 10 Jan 2025, 08:01, so the order was cancelled and the vehicles released.");

        order("CANCELLED", null, null, List.of(), ">PENDING_PAYMENT@2025-01-09T08:01:46Z", "PENDING_PAYMENT>CANCELLED@2025-01-09T10:00:00Z");
        assertThat(customer().get("/orders/" + ORDER).document().selectFirst("#status-panel").text())
                .contains("You cancelled this order on 9 Jan 2025.");

        order("PAID", null, null, List.of(), ">PENDING_PAYMENT@2025-01-09T08:01:46Z");
        assertThat(customer().get("/orders/" + ORDER).document().selectFirst("#status-panel").text())
                .contains("Payment approved. We are preparing your delivery.");
    }

    @Test
    void uploadingTheProofSendsItToPaymentAndShowsTheNewStatus() {
        AtomicReference<String> status = new AtomicReference<>("PENDING_PAYMENT");
        services.answer("GET", "/v1/orders/" + ORDER, request -> FakeServices.Answer.json(200,
                Samples.order(ORDER, status.get(), "68605.00", DUE, 80_000L, null, status.get().equals("PENDING_PAYMENT")
                        ? List.of("CANCEL", "UPLOAD_PAYMENT") : List.of(), ">PENDING_PAYMENT@2025-01-09T08:01:46Z")));
        services.answer("POST", "/v1/payments", request -> {
            status.set("PAYMENT_SUBMITTED");
            return FakeServices.Answer.json(201, "{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"PENDING\"}");
        });
        Visitor customer = customer();
        Visitor.Page page = customer.get("/orders/" + ORDER);
        Element form = page.form("#status-panel form[enctype]");

        Visitor.Page answer = customer.upload(form, "image", "receipt-bytes".getBytes(StandardCharsets.UTF_8), "image/jpeg",
                Map.of("note", "Paid from my savings"));

        assertThat(answer.redirect()).isEqualTo("/orders/" + ORDER);
        FakeServices.Request upload = services.last("POST", "/v1/payments");
        assertThat(upload.header("Content-Type")).startsWith("multipart/form-data");
        assertThat(upload.header("Idempotency-Key")).isEqualTo(form.selectFirst("input[name=idempotency_key]").val());
        assertThat(upload.header("Authorization")).isEqualTo("Bearer " + accessToken(Samples.CUSTOMER_ID));
        String body = upload.text();
        assertThat(body).contains("name=\"order_id\"", ORDER.toString(), "name=\"image\"", "receipt-bytes", "name=\"note\"",
                "Paid from my savings");
        Document after = customer.get(answer.redirect()).document();
        assertThat(after.selectFirst("#messages").text()).isEqualTo("Thank you. We received your proof of payment.");
        assertThat(after.selectFirst("#status-title").text()).isEqualTo("Payment under review");
    }

    @Test
    void paymentsRefusalsAreShownNextToTheFileInput() {
        order("PENDING_PAYMENT", 80_000L, null, List.of("CANCEL", "UPLOAD_PAYMENT"), ">PENDING_PAYMENT@2025-01-09T08:01:46Z");
        Visitor customer = customer();
        Element form = customer.get("/orders/" + ORDER).form("#status-panel form[enctype]");

        services.answer("POST", "/v1/payments", 413, Samples.problem(413, "payload-too-large", "The image is larger than the limit.",
                "\"max_bytes\":2097152"));
        Visitor.Page tooLarge = customer.upload(form, "image", new byte[10], "image/jpeg", Map.of("note", "kept"));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.document().selectFirst("#image-error").text()).isEqualTo("The file is larger than 2 MB.");
        assertThat(tooLarge.document().selectFirst("#image").attr("aria-describedby")).isEqualTo("image-hint image-error");
        assertThat(tooLarge.document().selectFirst("#note").val()).isEqualTo("kept");

        services.answer("POST", "/v1/payments", 415, Samples.problem(415, "unsupported-media-type",
                "The file is not a JPEG, PNG or WebP image (judged by its content, not its name or declared type).", null));
        assertThat(customer.upload(form, "image", new byte[10], "image/jpeg", Map.of()).document().selectFirst("#image-error").text())
                .isEqualTo("Please upload a JPEG, PNG or WebP image.");

        services.answer("POST", "/v1/payments", 415, Samples.problem(415, "unsupported-media-type",
                "The image is 12000 x 800 pixels; each side may be at most 10000 pixels.", null));
        assertThat(customer.upload(form, "image", new byte[10], "image/jpeg", Map.of()).document().selectFirst("#image-error").text())
                .isEqualTo("The image is 12000 x 800 pixels; each side may be at most 10000 pixels.");

        services.answer("POST", "/v1/payments", 409, Samples.problem(409, "invalid-state", "The payment window for this order has closed.",
                "\"current_status\":\"EXPIRED\""));
        assertThat(customer.upload(form, "image", new byte[10], "image/jpeg", Map.of()).document().selectFirst(".error-summary").text())
                .contains("The payment window for this order has closed.");

        Visitor.Page noFile = customer.upload(form, "image", null, null, Map.of());
        assertThat(noFile.document().selectFirst("#image-error").text()).isEqualTo("Choose the picture of your receipt.");
    }

    @Test
    void aFileOverTheUploadLimitComesBackToTheOrderWithTheLimitNextToTheFileInput() throws Exception {
        order("PENDING_PAYMENT", 80_000L, null, List.of("CANCEL", "UPLOAD_PAYMENT"), ">PENDING_PAYMENT@2025-01-09T08:01:46Z");
        Visitor customer = customer();
        Element form = customer.get("/orders/" + ORDER).form("#status-panel form[enctype]");

        // Over real HTTP: the servlet container, not MockMvc, enforces spring.servlet.multipart.max-file-size (3MB).
        HttpResponse<String> refused = uploadOverHttp(form, customer.session(), new byte[3_500_000]);

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(URI.create(refused.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/orders/" + ORDER);
        assertThat(services.requests("POST", "/v1/payments")).as("nothing reached payment").isEmpty();
        Document page = customer.get("/orders/" + ORDER).document();
        assertThat(page.selectFirst("#image-error").text()).isEqualTo("The file is larger than 2 MB.");
        assertThat(page.selectFirst("#image").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#image");
    }

    /** Posts the upload form as a browser does, multipart with every field it holds, to the running app. */
    private HttpResponse<String> uploadOverHttp(Element form, String session, byte[] file) throws Exception {
        String boundary = "receipt-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Element hidden : form.select("input[type=hidden]")) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + hidden.attr("name") + "\"\r\n\r\n"
                    + hidden.val() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"receipt.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + form.attr("action")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", SESSION_COOKIE + "=" + session)
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void eachLinkOfTheUploadErrorSummaryLeadsToItsField() {
        order("PENDING_PAYMENT", 80_000L, null, List.of("CANCEL", "UPLOAD_PAYMENT"), ">PENDING_PAYMENT@2025-01-09T08:01:46Z");
        Visitor customer = customer();
        Element form = customer.get("/orders/" + ORDER).form("#status-panel form[enctype]");

        Document page = customer.upload(form, "image", null, null, Map.of("note", "x".repeat(501))).document();

        List<String> links = page.select(".error-summary a").eachAttr("href");
        assertThat(links).containsExactly("#image", "#note");
        for (String link : links) {
            Element field = page.getElementById(link.substring(1));
            assertThat(field).as(link).isNotNull();
            assertThat(field.attr("aria-describedby")).as(link).contains(link.substring(1) + "-error");
        }
        assertThat(page.getElementById("note").attr("name")).isEqualTo("note");
        assertThat(page.selectFirst("label[for=note]").text()).isEqualTo("Note");
    }

    @Test
    void notesAndTheAddressAreShownAsTextNeverAsMarkup() {
        String evil = "<script>alert('x')</script>";
        services.answer("GET", "/v1/orders/" + ORDER, 200, Samples.order(ORDER, "ON_DELIVERY", "68605.00", DUE, null, null,
                        List.of("CONFIRM_DELIVERY"), ">PENDING_PAYMENT@2025-01-09T08:01:46Z",
                        "PAID>ON_DELIVERY@2025-01-11T10:00:00Z:note:" + evil + " tracking")
                .replace("\"1 Main Street\"", Samples.quoted(evil + " Street")).replace("\"Please call me first\"", Samples.quoted(evil + " call")));

        Visitor.Page onItsWay = customer().get("/orders/" + ORDER);

        Document page = onItsWay.document();
        assertThat(page.select("main script, main b")).isEmpty();
        assertThat(page.selectFirst("#status-panel").text()).contains(evil + " tracking");
        assertThat(page.selectFirst("ol.timeline").text()).contains(evil + " tracking");
        assertThat(page.selectFirst("address").text()).startsWith(evil + " Street");
        assertThat(page.selectFirst("main").text()).contains("Note: " + evil + " call");
        assertThat(onItsWay.html()).doesNotContain("<script>alert");

        services.answer("GET", "/v1/orders/" + ORDER, 200, Samples.order(ORDER, "REJECTED", "68605.00", DUE, null, """
                {"payment_id":"%s","status":"REJECTED","admin_note":%s,"updated_at":"2025-01-10T09:00:00Z"}"""
                .formatted(UUID.randomUUID(), Samples.quoted(evil)), List.of(), ">PENDING_PAYMENT@2025-01-09T08:01:46Z"));
        Visitor.Page rejected = customer().get("/orders/" + ORDER);
        assertThat(rejected.document().selectFirst("#status-panel").text()).contains("Your payment was not accepted: " + evil + ".");
        assertThat(rejected.document().select("main script")).isEmpty();
        assertThat(rejected.html()).doesNotContain("<script>alert");
    }

    @Test
    void cancellingAsksFirstThenCancels() {
        order("PENDING_PAYMENT", 80_000L, null, List.of("CANCEL", "UPLOAD_PAYMENT"), ">PENDING_PAYMENT@2025-01-09T08:01:46Z");
        services.answer("POST", "/v1/orders/" + ORDER + "/cancel", 200, Samples.order(ORDER, "CANCELLED", "68605.00", DUE, null, null, List.of()));
        Visitor customer = customer();

        Visitor.Page confirm = customer.get("/orders/" + ORDER + "/cancel");
        assertThat(confirm.document().selectFirst("main p").text()).isEqualTo("Cancel this order? The vehicles will be released.");
        Visitor.Page cancelled = customer.submit(confirm.form("main form"));

        assertThat(cancelled.redirect()).isEqualTo("/orders/" + ORDER);
        assertThat(services.requests("POST", "/v1/orders/" + ORDER + "/cancel")).hasSize(1);
        assertThat(customer.get("/orders/" + ORDER).document().selectFirst("#messages").text())
                .isEqualTo("Your order is cancelled. The vehicles have been released.");
    }

    @Test
    void aRefusedCancelShowsOrdersReason() {
        order("PENDING_PAYMENT", 80_000L, null, List.of("CANCEL", "UPLOAD_PAYMENT"), ">PENDING_PAYMENT@2025-01-09T08:01:46Z");
        services.answer("POST", "/v1/orders/" + ORDER + "/cancel", 409, Samples.problem(409, "invalid-state",
                "Your payment is being reviewed; the order can no longer be cancelled.", "\"current_status\":\"PAYMENT_SUBMITTED\""));
        Visitor customer = customer();
        Element form = customer.get("/orders/" + ORDER).form("dialog#cancel-dialog");

        Visitor.Page answer = customer.submit(form);

        assertThat(customer.get(answer.redirect()).document().selectFirst("#messages [role=alert]").text())
                .isEqualTo("Your payment is being reviewed; the order can no longer be cancelled.");
    }

    @Test
    void confirmingDeliveryTellsOrder() {
        order("ON_DELIVERY", null, null, List.of("CONFIRM_DELIVERY"), ">PENDING_PAYMENT@2025-01-09T08:01:46Z");
        services.answer("POST", "/v1/orders/" + ORDER + "/confirm-delivery", 200, Samples.order(ORDER, "DELIVERED", "68605.00", DUE, null,
                null, List.of()));
        Visitor customer = customer();

        Visitor.Page answer = customer.submit(customer.get("/orders/" + ORDER).form("#status-panel form"));

        assertThat(answer.redirect()).isEqualTo("/orders/" + ORDER);
        assertThat(services.requests("POST", "/v1/orders/" + ORDER + "/confirm-delivery")).hasSize(1);
    }

    @Test
    void pollingAnswersNothingUntilTheStatusChangesThenThePanelTimelineAndBadge() {
        order("PENDING_PAYMENT", 80_000L, null, List.of("CANCEL", "UPLOAD_PAYMENT"), ">PENDING_PAYMENT@2025-01-09T08:01:46Z");
        Visitor customer = customer().htmx().on("/orders/" + ORDER);

        Visitor.Page unchanged = customer.get("/orders/" + ORDER + "/status?shown=PENDING_PAYMENT");
        assertThat(unchanged.status()).isEqualTo(204);

        order("PAYMENT_SUBMITTED", null, null, List.of(), ">PENDING_PAYMENT@2025-01-09T08:01:46Z",
                "PENDING_PAYMENT>PAYMENT_SUBMITTED@2025-01-09T09:02:10Z");
        Visitor.Page changed = customer.get("/orders/" + ORDER + "/status?shown=PENDING_PAYMENT");
        assertThat(changed.status()).isEqualTo(200);
        Document fragments = changed.document();
        assertThat(changed.html()).doesNotContain("<html");
        assertThat(fragments.selectFirst("#status-panel #status-title").text()).isEqualTo("Payment under review");
        assertThat(fragments.selectFirst("#status-panel").attr("hx-get")).endsWith("shown=PAYMENT_SUBMITTED");
        assertThat(fragments.selectFirst("#timeline[hx-swap-oob=true]").text()).contains("Payment under review — 9 Jan 2025, 09:02");
        assertThat(fragments.selectFirst("#heading-badge[hx-swap-oob=true]").text()).isEqualTo("Payment under review");
    }

    @Test
    void theProofIsStreamedFromPaymentWithTheCustomersToken() throws Exception {
        UUID paymentId = UUID.randomUUID();
        order("PAYMENT_SUBMITTED", null, """
                {"payment_id":"%s","status":"PENDING","admin_note":null,"updated_at":"2025-01-09T09:02:00Z"}""".formatted(paymentId),
                List.of(), ">PENDING_PAYMENT@2025-01-09T08:01:46Z");
        byte[] thumbnail = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
        services.answer("GET", "/v1/payments/" + paymentId + "/image", request ->
                FakeServices.Answer.file("image/jpeg", "thumbnail".equals(request.param("variant")) ? thumbnail : new byte[] {9}, java.util.Map.of()));

        Visitor.Page image = customer().get("/orders/" + ORDER + "/payment-proof?variant=thumbnail");

        assertThat(image.status()).isEqualTo(200);
        assertThat(image.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(image.header("Cache-Control")).isEqualTo("private, max-age=300");
        assertThat(image.result().getResponse().getContentAsByteArray()).isEqualTo(thumbnail);
        assertThat(services.last("GET", "/v1/payments/" + paymentId + "/image").header("Authorization"))
                .isEqualTo("Bearer " + accessToken(Samples.CUSTOMER_ID));
    }

    @Test
    void anotherCustomersOrderIsThe403Page() {
        services.answer("GET", "/v1/orders/" + ORDER, 403, Samples.problem(403, "forbidden", "This order belongs to another customer.", null));

        Visitor.Page page = customer().get("/orders/" + ORDER);

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.text()).contains("You don't have access to this page.", "Reference: 4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(page.text()).doesNotContain("belongs to another customer");
    }

    @Test
    void anUnknownOrderIsThe404PageAndAStalledOrderServiceThe503Page() {
        Visitor.Page unknown = customer().get("/orders/" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text()).contains("We couldn't find that page.");

        services.answer("GET", "/v1/orders/" + ORDER, request -> null);
        Visitor.Page stalled = customer().get("/orders/" + ORDER);
        assertThat(stalled.status()).isEqualTo(503);
        assertThat(stalled.text()).contains("This part of the shop is not responding. Please try again in a moment.");
        assertThat(stalled.document().selectFirst(".reference").text()).matches("Reference: [0-9a-f]{32}");
        assertThat(stalled.document().select("header.site-header")).as("the rest of the page still renders").hasSize(1);
    }

    @Test
    void withHtmxAServiceThatDoesNotAnswerBecomesAMessageInPlace() {
        services.answer("POST", "/v1/orders/" + ORDER + "/confirm-delivery", 503, Samples.problem(503, "dependency-unavailable", "x", null));
        order("ON_DELIVERY", null, null, List.of("CONFIRM_DELIVERY"), ">PENDING_PAYMENT@2025-01-09T08:01:46Z");
        Visitor customer = customer();
        Element form = customer.get("/orders/" + ORDER).form("#status-panel form");

        Visitor.Page answer = customer.htmx().on("/orders/" + ORDER).submit(form);

        assertThat(answer.header("HX-Retarget")).isEqualTo("#messages");
        assertThat(Jsoup.parse(answer.html()).text()).startsWith("This part of the shop is not responding. Please try again in a moment.");
    }

    @Test
    void signedOutOrdersSignInFirst() {
        assertThat(visitor().get("/orders").redirect()).isEqualTo("/login?return=%2Forders");
        Visitor.Page htmx = visitor().htmx().on("/orders/" + ORDER).get("/orders/" + ORDER + "/status");
        assertThat(htmx.status()).isEqualTo(401);
        assertThat(htmx.header("HX-Redirect")).isEqualTo("/login?return=%2Forders%2F" + ORDER);
    }
}
