package dev.eshop.admin;

import dev.eshop.platform.testing.web.FakeServices;
import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Products (spec/ui.md §2.4): the list, the form with attributes and pictures, the service's messages in place, deleting. */
class ProductPagesTest extends AdminTestSupport {

    static final UUID CREATED = UUID.fromString("0193a4b0-0000-7000-8000-00000000f001");

    @Test
    void theListPagesAndSortsOnTheServerAndWritesPricesAsMoney() {
        List<String> products = new ArrayList<>();
        IntStream.range(0, 20).forEach(i -> products.add(Samples.productSummary(UUID.randomUUID(), "SKU-0000000" + (i % 10), "Vehicle " + i,
                "70000.5", "SUV", i, null)));
        services.answer("GET", "/v1/products", 200, Samples.page(0, 20, 137, products.toArray(String[]::new)));

        Document page = admin().get("/products").document();

        assertThat(page.select("#results tbody tr")).hasSize(20);
        assertThat(page.selectFirst("#results tbody tr").text()).contains("SKU-00000000", "Vehicle 0", "SUV", "$70,000.50", "9 Jan 2025, 08:01");
        assertThat(page.selectFirst(".paging .range").text()).isEqualTo("1–20 of 137");
        assertThat(page.select(".paging a").eachText()).containsExactly("1", "2", "3", "7", "Next");
        assertThat(page.selectFirst(".paging a[rel=next]").attr("href")).isEqualTo("/products?page=2");
        assertThat(page.selectFirst(".paging a[aria-current=page]").text()).isEqualTo("1");
        Element name = page.selectFirst("th[aria-sort]:contains(Name)");
        assertThat(name.attr("aria-sort")).isEqualTo("none");
        assertThat(name.selectFirst("a").attr("href")).isEqualTo("/products?sort=name%2Casc");
        FakeServices.Request asked = services.last("GET", "/v1/products");
        assertThat(asked.param("page")).isEqualTo("0");
        assertThat(asked.param("size")).isEqualTo("20");
        assertThat(asked.param("sort")).isEqualTo("created_at,desc");
        assertThat(asked.param("include_deleted")).isEqualTo("false");
    }

    @Test
    void searchSortAndPageTravelToProductAndStayInEveryLink() {
        services.answer("GET", "/v1/products", 200, Samples.page(2, 20, 137,
                Samples.productSummary(UUID.randomUUID(), "SKU-00000001", "Mazda CX-60", "70000.00", "SUV", 6, null)));

        Document page = admin().get("/products?q={q}&category={category}&sort={sort}&page=3", "mazda cx", Samples.SUV, "price,desc")
                .document();

        FakeServices.Request asked = services.last("GET", "/v1/products");
        assertThat(asked.param("q")).isEqualTo("mazda cx");
        assertThat(asked.param("category")).isEqualTo(Samples.SUV.toString());
        assertThat(asked.param("sort")).isEqualTo("price,desc");
        assertThat(asked.param("page")).isEqualTo("2");
        Element price = page.selectFirst("th[aria-sort]:contains(Price)");
        assertThat(price.attr("aria-sort")).isEqualTo("descending");
        assertThat(price.selectFirst("a").attr("href")).isEqualTo("/products?q=mazda+cx&category=" + Samples.SUV + "&sort=price%2Casc");
        assertThat(page.selectFirst(".paging a[rel=prev]").attr("href"))
                .isEqualTo("/products?q=mazda+cx&category=" + Samples.SUV + "&sort=price%2Cdesc&page=2");
        assertThat(page.selectFirst("#q").val()).isEqualTo("mazda cx");
        assertThat(page.selectFirst("#category option[selected]").text()).isEqualTo("SUV");
        assertThat(page.selectFirst(".paging .range").text()).isEqualTo("41–41 of 137");
    }

    @Test
    void deletedProductsAreMarkedAndOfferNoActions() {
        UUID gone = UUID.randomUUID();
        services.answer("GET", "/v1/products", 200, Samples.page(0, 20, 1,
                Samples.productSummary(gone, "SKU-00000001", "Old Sedan", "9000.00", "Sedan", 0, "2025-01-09T10:00:00Z")));

        Document page = admin().get("/products?include_deleted=true").document();

        Element row = page.selectFirst("#product-" + gone);
        assertThat(row.text()).contains("Old Sedan", "Deleted");
        assertThat(row.select(".row-actions")).isEmpty();
        assertThat(services.last("GET", "/v1/products").param("include_deleted")).isEqualTo("true");
        assertThat(page.selectFirst("#include_deleted").hasAttr("checked")).isTrue();
    }

    @Test
    void anEmptyCatalogueInvitesToAddTheFirstProduct() {
        Document page = admin().get("/products").document();

        assertThat(page.selectFirst("#results").text()).isEqualTo("No products yet. Add the first one. Add product");
        assertThat(admin().get("/products?q=zzz").document().selectFirst("#results").text()).isEqualTo("No products match your search.");
    }

    @Test
    void htmxGetsTheResultsAlone() {
        Visitor.Page results = admin().htmx().get("/products?q=mazda");

        assertThat(results.status()).isEqualTo(200);
        assertThat(results.html()).doesNotContain("<html", "<nav class=\"menu-wide\"");
        assertThat(results.document().select("#results")).hasSize(1);
    }

    @Test
    void aPriceThatIsNotOneIsReportedNextToThePriceWithTheServicesOtherMessagesAndTheValuesKept() {
        services.answer("POST", "/v1/products", 400, Samples.problem(400, "validation", "The request has invalid fields.", null,
                "price=must not be null", "attributes.year=must be between 1900 and 2026", "name=size must be between 0 and 120"));
        Visitor admin = admin();
        Element form = admin.get("/products/new").form("#product-form");

        Visitor.Page refused = admin.submit(form, Map.of("name", "<script>alert('x')</script>", "price", "70.000,00",
                "category_id", Samples.SUV.toString(), "attr_brand", "Mazda", "attr_year", "1800", "attr_fuel", "diesel",
                "description", "Line one\nLine <b>two</b>"));

        assertThat(refused.status()).isEqualTo(400);
        Document page = refused.document();
        assertThat(page.selectFirst("#price-error").text()).isEqualTo("Enter a price like 70000.00.");
        assertThat(page.selectFirst("#price").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#price").attr("aria-describedby")).isEqualTo("price-hint price-error");
        assertThat(page.selectFirst("#attr_year-error").text()).isEqualTo("Year must be between 1900 and 2026.");
        assertThat(page.selectFirst("#name-error").text()).isEqualTo("Name size must be between 0 and 120.");
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#price", "#attr_year", "#name");
        assertThat(page.selectFirst("#price").val()).isEqualTo("70.000,00");
        assertThat(page.selectFirst("#name").val()).isEqualTo("<script>alert('x')</script>");
        assertThat(page.selectFirst("#attr_brand").val()).isEqualTo("Mazda");
        assertThat(page.selectFirst("#attr_fuel option[selected]").val()).isEqualTo("diesel");
        assertThat(page.selectFirst("#category_id option[selected]").text()).isEqualTo("SUV");
        assertThat(page.selectFirst("#description").wholeText()).isEqualTo("Line one\nLine <b>two</b>");
        assertThat(refused.html()).doesNotContain("<script>alert").doesNotContain("<b>two</b>");
        assertThat(page.select("script:not([src])")).isEmpty();
        assertThat(page.selectFirst("input[name=idempotency_key]").val()).isEqualTo(form.selectFirst("input[name=idempotency_key]").val());
        assertThat(services.last("POST", "/v1/products").json().get("price").isNull()).isTrue();
    }

    @Test
    void aPriceIsReadAsAdminsTypeIt() {
        services.answer("POST", "/v1/products", 201, Samples.productDetail(CREATED, "Mazda CX-60", "70000.00", 1, "{\"brand\":\"Mazda\"}", "[]"));
        Map<String, String> typed = Map.of("70000", "70000.00", "70000.5", "70000.50", "70,000.00", "70000.00", "$70,000", "70000.00",
                " $1,159,400.99 ", "1159400.99");
        typed.forEach((price, sent) -> {
            Visitor admin = admin();
            Element form = admin.get("/products/new").form("#product-form");
            Visitor.Page done = admin.submit(form, Map.of("name", "Mazda CX-60", "price", price, "category_id", Samples.SUV.toString(),
                    "attr_brand", "Mazda"));
            assertThat(done.status()).as(price).isEqualTo(302);
            assertThat(services.last("POST", "/v1/products").json().get("price").decimalValue()).as(price)
                    .isEqualByComparingTo(sent);
            assertThat(services.last("POST", "/v1/products").text()).as(price).contains("\"price\":" + sent);
        });
    }

    @Test
    void creatingSendsTheAttributesAndInitialQuantityThenShowsTheListWithAMessage() {
        services.answer("POST", "/v1/products", 201, Samples.productDetail(CREATED, "Mazda CX-60", "70000.00", 1, "{\"brand\":\"Mazda\"}", "[]"));
        Visitor admin = admin();
        Element form = admin.get("/products/new").form("#product-form");

        Visitor.Page done = admin.submit(form, fields("name", " Mazda CX-60 ", "price", "70000", "category_id", Samples.SUV.toString(),
                "attr_brand", "Mazda", "attr_year", "2024", "attr_fuel", "plug_in_hybrid", "attr_seats", "5", "initial_quantity", "6",
                "other_name_0", "Top speed", "other_value_0", "200 km/h", "description", "A family SUV."));

        assertThat(done.redirect()).isEqualTo("/products");
        FakeServices.Request created = services.last("POST", "/v1/products");
        assertThat(created.json().get("name").asString()).isEqualTo("Mazda CX-60");
        assertThat(created.json().get("category_id").asString()).isEqualTo(Samples.SUV.toString());
        assertThat(created.json().get("initial_quantity").asInt()).isEqualTo(6);
        assertThat(created.json().get("attributes").toString())
                .isEqualTo("{\"brand\":\"Mazda\",\"year\":2024,\"fuel\":\"plug_in_hybrid\",\"seats\":5,\"top_speed\":\"200 km/h\"}");
        assertThat(created.header("Idempotency-Key")).isEqualTo(form.selectFirst("input[name=idempotency_key]").val());
        assertThat(admin.get("/products").one("p.notice[role=status]").text()).isEqualTo("Added Mazda CX-60.");
    }

    @Test
    void theMainPictureGoesFirstThenTheGallery() {
        services.answer("POST", "/v1/products", 201, Samples.productDetail(CREATED, "Mazda CX-60", "70000.00", 1, "{\"brand\":\"Mazda\"}", "[]"));
        services.answer("POST", "/v1/products/" + CREATED + "/images", 201, Samples.image(UUID.randomUUID(), false, 0));
        Visitor admin = admin();
        Element form = admin.get("/products/new").form("#product-form");

        Visitor.Page done = admin.upload(form, List.of(new MockMultipartFile("main_image", "front.jpg", "image/jpeg", new byte[] {1}),
                        new MockMultipartFile("gallery", "side.png", "image/png", new byte[] {2}),
                        new MockMultipartFile("gallery", "back.webp", "image/webp", new byte[] {3})),
                Map.of("name", "Mazda CX-60", "price", "70000", "category_id", Samples.SUV.toString(), "attr_brand", "Mazda"));

        assertThat(done.redirect()).isEqualTo("/products");
        List<FakeServices.Request> images = services.requests("POST", "/v1/products/" + CREATED + "/images");
        assertThat(images).hasSize(3);
        assertThat(images.get(0).text()).contains("name=\"main\"", "image/jpeg");
        assertThat(images.get(1).text()).doesNotContain("name=\"main\"").contains("image/png");
        assertThat(images.get(2).text()).contains("image/webp");
        assertThat(images).extracting(image -> image.header("Idempotency-Key")).doesNotHaveDuplicates();
        assertThat(images.get(0).header("Content-Type")).startsWith("multipart/form-data");
    }

    @Test
    void aRefusedPictureLeavesTheProductAndSaysWhichFileAndWhyOnItsEditPage() {
        services.answer("POST", "/v1/products", 201, Samples.productDetail(CREATED, "Mazda CX-60", "70000.00", 1, "{\"brand\":\"Mazda\"}", "[]"));
        services.answer("POST", "/v1/products/" + CREATED + "/images", 415, Samples.problem(415, "unsupported-media-type",
                "The file is not a JPEG, PNG or WebP image.", null));
        services.answer("GET", "/v1/products/" + CREATED, 200, Samples.productDetail(CREATED, "Mazda CX-60", "70000.00", 1,
                "{\"brand\":\"Mazda\"}", "[]"));
        Visitor admin = admin();
        Element form = admin.get("/products/new").form("#product-form");

        Visitor.Page done = admin.upload(form, List.of(new MockMultipartFile("gallery", "<b>notes</b>.txt", "text/plain", new byte[] {1})),
                Map.of("name", "Mazda CX-60", "price", "70000", "category_id", Samples.SUV.toString(), "attr_brand", "Mazda"));

        assertThat(done.redirect()).isEqualTo("/products/" + CREATED + "/edit");
        Visitor.Page edit = admin.get("/products/" + CREATED + "/edit");
        assertThat(edit.one("p.alert[role=alert]").text()).isEqualTo(
                "Added Mazda CX-60, but the picture <b>notes</b>.txt was not added: The file is not a JPEG, PNG or WebP image.");
        assertThat(edit.html()).doesNotContain("<b>notes</b>");
    }

    @Test
    void theEditFormShowsTheProductAndAStaleVersionKeepsWhatWasTyped() {
        UUID id = UUID.randomUUID();
        UUID image = UUID.randomUUID();
        services.answer("GET", "/v1/products/" + id, 200, Samples.productDetail(id, "Mazda CX-60", "70000.00", 4,
                "{\"brand\":\"Mazda\",\"year\":2024,\"transmission\":\"automatic\",\"top_speed\":\"200\"}",
                "[" + Samples.image(image, true, 0) + "," + Samples.image(UUID.randomUUID(), false, 1) + "]"));
        services.answer("PUT", "/v1/products/" + id, 409, Samples.problem(409, "concurrent-modification",
                "The product was changed meanwhile.", "\"current_version\":5"));
        Visitor admin = admin();
        Visitor.Page edit = admin.get("/products/" + id + "/edit");

        Document page = edit.document();
        assertThat(page.title()).isEqualTo("Edit Mazda CX-60 — Eshop Admin");
        assertThat(page.selectFirst("dl.read-only").text()).isEqualTo("SKU SKU-7Q2M4K9D Stock 6 units");
        assertThat(page.selectFirst("dl.read-only a").attr("href")).isEqualTo("/stock?q=SKU-7Q2M4K9D");
        assertThat(page.selectFirst("#price").val()).isEqualTo("70000.00");
        assertThat(page.selectFirst("#attr_year").val()).isEqualTo("2024");
        assertThat(page.selectFirst("#attr_transmission option[selected]").text()).isEqualTo("Automatic");
        assertThat(page.selectFirst("#other_name_0").val()).isEqualTo("top_speed");
        assertThat(page.selectFirst("#other_value_0").val()).isEqualTo("200");
        assertThat(page.select("[id^=other_name_]")).hasSize(4);
        assertThat(page.selectFirst("input[name=version]").val()).isEqualTo("4");
        assertThat(page.select("#initial_quantity")).as("create only").isEmpty();
        assertThat(page.select(".images img").eachAttr("alt")).containsExactly("Mazda CX-60, photo 1 of 2", "Mazda CX-60, photo 2 of 2");
        assertThat(page.select(".images li").get(0).select("button").eachText()).containsExactly("Remove");
        assertThat(page.select(".images li").get(1).select("button").eachText()).containsExactly("Make main", "Remove");

        Visitor.Page refused = admin.submit(edit.form("#product-form"), Map.of("name", "Mazda CX-60 Homura", "price", "71,500"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.one(".error-summary").text())
                .contains("This product was changed by someone else. Reload to see the latest version.");
        assertThat(refused.one("#name").val()).isEqualTo("Mazda CX-60 Homura");
        assertThat(refused.one("#price").val()).isEqualTo("71,500");
        FakeServices.Request sent = services.last("PUT", "/v1/products/" + id);
        assertThat(sent.json().get("version").asLong()).isEqualTo(4);
        assertThat(sent.json().get("price").decimalValue()).isEqualByComparingTo("71500.00");
    }

    @Test
    void picturesAreMadeMainAndRemovedAfterAsking() {
        UUID id = UUID.randomUUID();
        UUID image = UUID.randomUUID();
        services.answer("GET", "/v1/products/" + id, 200, Samples.productDetail(id, "Mazda CX-60", "70000.00", 4, "{\"brand\":\"Mazda\"}",
                "[" + Samples.image(UUID.randomUUID(), true, 0) + "," + Samples.image(image, false, 1) + "]"));
        services.answer("PATCH", "/v1/products/" + id + "/images/" + image, 200, Samples.productDetail(id, "Mazda CX-60", "70000.00", 5,
                "{\"brand\":\"Mazda\"}", "[]"));
        services.answer("DELETE", "/v1/products/" + id + "/images/" + image, request -> new FakeServices.Answer(204, "text/plain", new byte[0],
                Map.of()));
        Visitor admin = admin();
        Visitor.Page edit = admin.get("/products/" + id + "/edit");

        Visitor.Page main = admin.submit(edit.document().selectFirst("#image-" + image + " form[action$=/main]"));
        assertThat(main.redirect()).isEqualTo("/products/" + id + "/edit");
        assertThat(services.last("PATCH", "/v1/products/" + id + "/images/" + image).text()).isEqualTo("{\"main\":true}");

        Element remove = edit.document().selectFirst("#image-" + image + " form[action$=/remove]");
        assertThat(remove.attr("data-confirm")).isEqualTo("Remove this picture of Mazda CX-60? It disappears from the shop.");
        Visitor.Page asked = admin.submit(remove);
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.one("h1").text()).isEqualTo("Remove picture");
        assertThat(services.requests("DELETE", "/v1/products/" + id + "/images/" + image)).isEmpty();
        Visitor.Page removed = admin.submit(asked.form("main form"));
        assertThat(removed.redirect()).isEqualTo("/products/" + id + "/edit");
        assertThat(services.requests("DELETE", "/v1/products/" + id + "/images/" + image)).hasSize(1);
    }

    @Test
    void deletingAsksWithTheProductsNameFirst() {
        UUID id = UUID.randomUUID();
        services.answer("GET", "/v1/products", 200, Samples.page(0, 20, 1,
                Samples.productSummary(id, "SKU-00000001", "Mazda CX-60", "70000.00", "SUV", 6, null)));
        services.answer("GET", "/v1/products/" + id, 200, Samples.productDetail(id, "Mazda CX-60", "70000.00", 4, "{\"brand\":\"Mazda\"}", "[]"));
        services.answer("DELETE", "/v1/products/" + id, request -> new FakeServices.Answer(204, "text/plain", new byte[0], Map.of()));
        Visitor admin = admin();
        String question = "Delete Mazda CX-60? It disappears from the shop and from every cart. Orders already placed keep it.";

        Element link = admin.get("/products").one("#product-" + id + " a:contains(Delete)");
        assertThat(link.attr("data-confirm")).isEqualTo(question);
        Visitor.Page confirm = admin.get(link.attr("href"));
        assertThat(confirm.one("main p").text()).isEqualTo(question);
        assertThat(services.requests("DELETE", "/v1/products/" + id)).isEmpty();

        Visitor.Page deleted = admin.submit(confirm.form("main form"));

        assertThat(deleted.redirect()).isEqualTo("/products");
        assertThat(services.requests("DELETE", "/v1/products/" + id)).hasSize(1);
        assertThat(admin.get("/products").one("p.notice").text()).isEqualTo("Deleted Mazda CX-60.");
    }

    @Test
    void theFormSaysWhenThereIsNoWarehouseForTheInitialStock() {
        services.answer("GET", "/v1/warehouses", 200, Samples.page(0, 1, 0));

        Document page = admin().get("/products/new").document();

        assertThat(page.selectFirst("p.warning").text())
                .isEqualTo("There is no warehouse yet; the initial stock will be placed in the first one you create.");
        assertThat(page.selectFirst("#initial_quantity-hint").text()).isEqualTo("0–10000. Placed in the main warehouse.");
        assertThat(page.select("#category_id optgroup").eachAttr("label")).containsExactly("Cars", "Motorcycles");
        assertThat(page.select("#category_id option[value=" + Samples.CARS + "]")).as("only sub-categories").isEmpty();
        assertThat(page.selectFirst("#price").attr("aria-describedby")).isEqualTo("price-hint");
    }

    @Test
    void htmxGetsTheRefusedFormAlone() {
        services.answer("POST", "/v1/products", 400, Samples.problem(400, "validation", "Invalid.", null, "attributes.brand=must not be blank"));
        Visitor admin = admin();
        Element form = admin.get("/products/new").form("#product-form");
        Map<String, String> typed = new HashMap<>(Map.of("name", "Mazda CX-60", "price", "70000", "category_id", Samples.SUV.toString()));

        Visitor.Page refused = admin.htmx().submit(form, typed);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html()).doesNotContain("<html");
        assertThat(refused.one("form#product-form #attr_brand-error").text()).isEqualTo("Brand must not be blank.");
    }

    @Test
    void aRefusedDeleteIsSaidInPlainWordsAboveTheList() {
        UUID id = UUID.randomUUID();
        services.answer("GET", "/v1/products", 200, Samples.page(0, 20, 1,
                Samples.productSummary(id, "SKU-00000001", "Mazda CX-60", "70000.00", "SUV", 6, null)));
        services.answer("GET", "/v1/products/" + id, 200, Samples.productDetail(id, "Mazda CX-60", "70000.00", 4, "{\"brand\":\"Mazda\"}", "[]"));
        services.answer("DELETE", "/v1/products/" + id, 409, Samples.problem(409, "invalid-state", "It is in orders that are not paid yet.", null));
        Visitor admin = admin();
        Element link = admin.get("/products?q=mazda").one("#product-" + id + " a:contains(Delete)");

        Visitor.Page refused = admin.submit(follow(admin, link.attr("href")).form("main form"));

        assertThat(refused.redirect()).isEqualTo("/products?q=mazda");
        assertThat(landing(admin, refused).selectFirst("p.alert[role=alert]").text())
                .isEqualTo("Mazda CX-60 cannot be deleted: It is in orders that are not paid yet.");

        services.answer("DELETE", "/v1/products/" + id, 404, Samples.problem(404, "not-found", "Product not found.", null));
        Visitor.Page gone = admin.submit(follow(admin, link.attr("href")).form("main form"));

        assertThat(gone.redirect()).isEqualTo("/products?q=mazda");
        assertThat(landing(admin, gone).selectFirst("p.alert").text()).isEqualTo("Mazda CX-60 is no longer in the catalogue.");
    }

    @Test
    void aPictureOverTheLimitComesBackToTheFormWithTheLimitNextToItAndWhatWasTyped() throws Exception {
        Visitor admin = admin();
        Element form = admin.get("/products/new").form("#product-form");

        // Over real HTTP: the servlet container, not MockMvc, enforces spring.servlet.multipart's limits.
        HttpResponse<String> refused = uploadOverHttp(form, admin.session(), false, fields("name", "Mazda CX-60", "price", "70000",
                "category_id", Samples.SUV.toString(), "attr_brand", "Mazda"), "main_image", "front.jpg", 7_000_000);

        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst("#main_image-error").text())
                .isEqualTo("The picture front.jpg is larger than 5 MB. Pictures can be JPEG, PNG or WebP, up to 5 MB each, 8 at most.");
        assertThat(page.selectFirst("#main_image").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#main_image").attr("aria-describedby")).isEqualTo("images-hint main_image-error");
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#main_image");
        assertThat(page.selectFirst("#name").val()).isEqualTo("Mazda CX-60");
        assertThat(page.selectFirst("#price").val()).isEqualTo("70000");
        assertThat(page.selectFirst("#attr_brand").val()).isEqualTo("Mazda");
        assertThat(services.requests("POST", "/v1/products")).as("nothing was added").isEmpty();
    }

    @Test
    void withHtmxAPictureOverTheLimitIsSaidInTheEditFormAlone() throws Exception {
        UUID id = UUID.randomUUID();
        services.answer("GET", "/v1/products/" + id, 200, Samples.productDetail(id, "Mazda CX-60", "70000.00", 4, "{\"brand\":\"Mazda\"}", "[]"));
        Visitor admin = admin();
        Element form = admin.get("/products/" + id + "/edit").form("#product-form");

        HttpResponse<String> refused = uploadOverHttp(form, admin.session(), true, fields("name", "Mazda CX-60 Homura"), "gallery",
                "side.png", 7_000_000);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("<html");
        Document fragment = Jsoup.parse(refused.body());
        assertThat(fragment.selectFirst("form#product-form #gallery-error").text())
                .isEqualTo("The picture side.png is larger than 5 MB. Pictures can be JPEG, PNG or WebP, up to 5 MB each, 8 at most.");
        assertThat(fragment.selectFirst("#gallery").attr("aria-invalid")).isEqualTo("true");
        assertThat(fragment.selectFirst("#name").val()).isEqualTo("Mazda CX-60 Homura");
        assertThat(services.requests("PUT", "/v1/products/" + id)).as("nothing was saved").isEmpty();
    }

    @Test
    void picturesOverTheWholeFormsLimitComeBackToTheFormWithTheLimitNextToThePictures() throws Exception {
        Visitor admin = admin();
        Element form = admin.get("/products/new").form("#product-form");

        // Beyond spring.servlet.multipart.max-request-size (50MB) the container refuses the form before any page reads it.
        HttpResponse<String> refused = uploadOverHttp(form, admin.session(), false, fields("name", "Mazda CX-60"), "gallery", "side.png",
                53_000_000);

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(URI.create(refused.headers().firstValue("Location").orElseThrow()).getPath()).isEqualTo("/products/new");
        assertThat(services.requests("POST", "/v1/products")).as("nothing was added").isEmpty();
        Document page = admin.get("/products/new").document();
        assertThat(page.selectFirst("#gallery-error").text()).isEqualTo("The pictures are larger than 50 MB together, so nothing was saved. "
                + "Pictures can be JPEG, PNG or WebP, up to 5 MB each, 8 at most.");
        assertThat(page.selectFirst("#gallery").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#gallery");
        assertThat(admin.get("/products/new").document().select("#gallery-error")).as("said once").isEmpty();
    }

    @Test
    void withHtmxPicturesOverTheWholeFormsLimitAreSaidAboveTheFormAsItWas() throws Exception {
        Visitor admin = admin();
        Element form = admin.get("/products/new").form("#product-form");

        HttpResponse<String> refused = uploadOverHttp(form, admin.session(), true, fields("name", "Mazda CX-60"), "gallery", "side.png",
                53_000_000);

        assertThat(refused.headers().firstValue("HX-Retarget")).hasValue("#messages");
        assertThat(Jsoup.parse(refused.body()).selectFirst("p.alert[role=alert] span").text())
                .isEqualTo("The files are too large. Pictures can be JPEG, PNG or WebP, up to 5 MB each, 8 at most.");
        assertThat(services.requests("POST", "/v1/products")).as("nothing was added").isEmpty();
    }

    /**
     * Posts the product form as a browser does, multipart with what it holds (its CSRF token too),
     * the values typed and one picture, to the running app; as htmx does, the token also goes in
     * its header.
     */
    private HttpResponse<String> uploadOverHttp(Element form, String session, boolean htmx, Map<String, String> typed, String fileField,
                                                String fileName, int fileSize) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element control : form.select("input[name]:not([type=file]), textarea[name], select[name]")) {
            fields.put(control.attr("name"), switch (control.tagName()) {
                case "textarea" -> control.wholeText();
                case "select" -> control.select("option[selected]").stream().findFirst().map(Element::val).orElse("");
                default -> control.val();
            });
        }
        fields.putAll(typed);
        String boundary = "pictures-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[fileSize]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + form.attr("action")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", SESSION_COOKIE + "=" + session)
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (htmx) {
            Document page = form.ownerDocument();
            request.header("HX-Request", "true")
                    .header(page.selectFirst("meta[name=_csrf_header]").attr("content"), page.selectFirst("meta[name=_csrf]").attr("content"));
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
