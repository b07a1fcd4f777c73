package dev.eshop.admin;

import dev.eshop.platform.testing.web.FakeServices;
import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Warehouses (spec/ui.md §2.6): the list, the form with the service's messages, make main and delete. */
class WarehousePagesTest extends AdminTestSupport {

    @Test
    void listsTheWarehousesWithTheMainBadgeAndWhatEachHolds() {
        Visitor.Page page = admin().get("/warehouses");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().title()).isEqualTo("Warehouses — Eshop Admin");
        Element central = page.one("#warehouse-" + Samples.CENTRAL);
        assertThat(central.text()).contains("Central", "1 Dock Road, Springfield, IL", "10250", "Main", "3", "14");
        assertThat(central.select("a").eachText()).containsExactly("Edit");
        assertThat(central.text()).contains("Cannot be deleted: The main warehouse cannot be deleted.");
        Element north = page.one("#warehouse-" + Samples.NORTH);
        assertThat(north.select("a").eachText()).containsExactly("Edit", "Make main");
        assertThat(page.one(".paging .range").text()).isEqualTo("1–2 of 2");
    }

    @Test
    void aZipCodeTheServiceRefusesIsExplainedNextToItWithTheValuesKept() {
        services.answer("POST", "/v1/warehouses", 400, Samples.problem(400, "validation", "The request has invalid fields.", null,
                "zip_code=must be exactly 5 digits"));
        Visitor admin = admin();
        Element form = admin.get("/warehouses/new").form("#warehouse-form");

        Visitor.Page refused = admin.submit(form, Map.of("name", "South <b>hub</b>", "street", "1 Quay", "city", "Portsmouth", "state", "NH",
                "zip_code", "1234"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.document().title()).isEqualTo("Add warehouse — Eshop Admin");
        Element zip = refused.one("#zip_code");
        assertThat(zip.val()).isEqualTo("1234");
        assertThat(zip.attr("aria-invalid")).isEqualTo("true");
        assertThat(zip.attr("aria-describedby")).isEqualTo("zip_code-hint zip_code-error");
        assertThat(refused.one("#zip_code-error").text()).isEqualTo("Zip code must be exactly 5 digits.");
        assertThat(refused.one(".error-summary[role=alert] a").attr("href")).isEqualTo("#zip_code");
        assertThat(refused.one("#name").val()).isEqualTo("South <b>hub</b>");
        assertThat(refused.html()).doesNotContain("<b>hub</b>");
        assertThat(refused.one("#city").val()).isEqualTo("Portsmouth");
        FakeServices.Request sent = services.last("POST", "/v1/warehouses");
        assertThat(sent.json().get("zip_code").asString()).as("a string, as typed").isEqualTo("1234");
        assertThat(sent.header("Idempotency-Key")).isEqualTo(form.selectFirst("input[name=idempotency_key]").val());
        assertThat(refused.one("input[name=idempotency_key]").val()).isEqualTo(sent.header("Idempotency-Key"));
    }

    @Test
    void aDuplicateNameIsShownAtTheName() {
        services.answer("POST", "/v1/warehouses", 409, Samples.problem(409, "duplicate", "A warehouse named 'Central' already exists.",
                "\"field\":\"name\""));
        Visitor admin = admin();

        Visitor.Page refused = admin.submit(admin.get("/warehouses/new").form("#warehouse-form"), Map.of("name", "Central", "street", "1 Quay",
                "city", "Portsmouth", "state", "NH", "zip_code", "03801"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.one("#name-error").text()).isEqualTo("A warehouse named 'Central' already exists.");
    }

    @Test
    void addingGoesBackToTheListWithAMessage() {
        services.answer("POST", "/v1/warehouses", 201, Samples.warehouse(UUID.randomUUID(), "South", "03801", false, 0, 0));
        Visitor admin = admin();

        Visitor.Page done = admin.submit(admin.get("/warehouses/new").form("#warehouse-form"), Map.of("name", " South ", "street", "1 Quay",
                "city", "Portsmouth", "state", "NH", "zip_code", "03801"));

        assertThat(done.redirect()).isEqualTo("/warehouses");
        assertThat(services.last("POST", "/v1/warehouses").text())
                .isEqualTo("{\"name\":\"South\",\"street\":\"1 Quay\",\"city\":\"Portsmouth\",\"state\":\"NH\",\"zip_code\":\"03801\"}");
        assertThat(admin.get("/warehouses").one("p.notice[role=status]").text()).isEqualTo("Added South.");
    }

    @Test
    void editingSendsEveryField() {
        services.answer("GET", "/v1/warehouses/" + Samples.NORTH, 200, Samples.warehouse(Samples.NORTH, "North", "10500", false, 1, 2));
        services.answer("PUT", "/v1/warehouses/" + Samples.NORTH, 200, Samples.warehouse(Samples.NORTH, "North Hub", "10500", false, 1, 2));
        Visitor admin = admin();
        Visitor.Page edit = admin.get("/warehouses/" + Samples.NORTH + "/edit");
        assertThat(edit.one("#name").val()).isEqualTo("North");
        assertThat(edit.one("#zip_code").val()).isEqualTo("10500");

        Visitor.Page done = admin.submit(edit.form("#warehouse-form"), Map.of("name", "North Hub"));

        assertThat(done.redirect()).isEqualTo("/warehouses");
        assertThat(services.last("PUT", "/v1/warehouses/" + Samples.NORTH).json().get("name").asString()).isEqualTo("North Hub");
        assertThat(services.last("PUT", "/v1/warehouses/" + Samples.NORTH).json().get("street").asString()).isEqualTo("1 Dock Road");
    }

    @Test
    void makeMainAsksFirstAndTheListIsReadAgainAfterwards() {
        services.answer("GET", "/v1/warehouses/" + Samples.NORTH, 200, Samples.warehouse(Samples.NORTH, "North", "10500", false, 1, 2));
        services.answer("POST", "/v1/warehouses/" + Samples.NORTH + "/make-main", 200,
                Samples.warehouse(Samples.NORTH, "North", "10500", true, 1, 2));
        Visitor admin = admin();
        Element link = admin.get("/warehouses").one("#warehouse-" + Samples.NORTH + " a:contains(Make main)");
        assertThat(link.attr("data-confirm")).isEqualTo("Make North the main warehouse? New products' initial stock will be placed there.");

        Visitor.Page confirm = admin.get(link.attr("href"));
        assertThat(confirm.one("h1").text()).isEqualTo("Make North the main warehouse");
        Visitor.Page done = admin.submit(confirm.form("main form"));

        assertThat(done.redirect()).isEqualTo("/warehouses");
        assertThat(services.requests("POST", "/v1/warehouses/" + Samples.NORTH + "/make-main")).hasSize(1);
        int listed = services.requests("GET", "/v1/warehouses").size();
        assertThat(admin.get("/warehouses").one("p.notice").text()).isEqualTo("North is now the main warehouse.");
        assertThat(services.requests("GET", "/v1/warehouses")).hasSize(listed + 1);
    }

    @Test
    void aRefusedDeleteSaysWhyAboveTheList() {
        UUID empty = UUID.randomUUID();
        services.answer("GET", "/v1/warehouses/" + empty, 200, Samples.warehouse(empty, "East", "20000", false, 0, 0));
        services.answer("DELETE", "/v1/warehouses/" + empty, 409, Samples.problem(409, "invalid-state",
                "East has units reserved for orders that are not paid yet.", "\"current_status\":null"));
        Visitor admin = admin();

        Visitor.Page refused = admin.submit(admin.get("/warehouses/" + empty + "/delete").form("main form"));

        assertThat(refused.redirect()).isEqualTo("/warehouses");
        assertThat(admin.get("/warehouses").one("p.alert[role=alert]").text()).isEqualTo("East has units reserved for orders that are not paid yet.");
    }

    @Test
    void anEmptyListSaysTheFirstWarehouseBecomesTheMainOne() {
        services.answer("GET", "/v1/warehouses", 200, Samples.page(0, 20, 0));

        assertThat(admin().get("/warehouses").one("#results").text())
                .isEqualTo("No warehouses yet. The first one you add becomes the main warehouse.");
    }

    @Test
    void whenWarehouseDoesNotAnswerTheFormSaysSoAndKeepsWhatWasTyped() {
        services.answer("POST", "/v1/warehouses", 503, Samples.problem(503, "dependency-unavailable", "down", null));
        Visitor admin = admin();

        Visitor.Page refused = admin.submit(admin.get("/warehouses/new").form("#warehouse-form"), Map.of("name", "South", "street", "1 Quay",
                "city", "Portsmouth", "state", "NH", "zip_code", "03801"));

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.one(".error-summary").text()).contains("This part of the shop is not responding. Please try again in a moment.");
        assertThat(refused.one("#name").val()).isEqualTo("South");
    }

    @Test
    void anUnknownWarehouseIsThePageNotFoundWithItsReference() {
        services.answer("GET", "/v1/warehouses/" + Samples.NORTH, 404, Samples.problem(404, "not-found", "No warehouse.", null));

        Document page = HttpResponseAssert.assertNotFound(overHttp("GET", "/warehouses/" + Samples.NORTH + "/edit", admin().session(), null));

        assertThat(page.text()).contains("Reference: 4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(page.select("a").eachText()).contains("Go to the dashboard", "Search products");
    }

    @Test
    void withHtmxARefusalSwapsTheFormAndSuccessLoadsTheListWithItsMessage() {
        services.answer("POST", "/v1/warehouses", 400, Samples.problem(400, "validation", "Invalid.", null, "city=must not be blank"));
        Visitor admin = admin();
        Element form = admin.get("/warehouses/new").form("#warehouse-form");
        assertThat(form.attr("hx-post")).isEqualTo("/warehouses/new");

        Visitor.Page refused = admin.htmx().submit(form, Map.of("name", "South", "zip_code", "03801"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.html()).doesNotContain("<html");
        assertThat(refused.one("form#warehouse-form #city-error").text()).isEqualTo("City must not be blank.");

        services.answer("POST", "/v1/warehouses", 201, Samples.warehouse(UUID.randomUUID(), "South", "03801", false, 0, 0));
        Visitor.Page done = admin.htmx().submit(form, Map.of("name", "South", "street", "1 Quay", "city", "Portsmouth", "state", "NH",
                "zip_code", "03801"));
        assertThat(done.status()).isEqualTo(204);
        assertThat(done.header("HX-Redirect")).isEqualTo("/warehouses");
        assertThat(admin.get("/warehouses").one("p.notice").text()).isEqualTo("Added South.");
    }

    @Test
    void theSecondPageIsAskedForAndThePagerShowsIt() {
        services.answer("GET", "/v1/warehouses", 200, Samples.page(1, 20, 45, Samples.warehouse(Samples.NORTH, "North", "10500", false, 1, 2)));

        Document page = admin().get("/warehouses?sort=zip_code,asc&page=2").document();

        assertSecondPageOf45(page, services.last("GET", "/v1/warehouses"), "/warehouses?sort=zip_code%2Casc");
        assertThat(page.selectFirst("#warehouse-" + Samples.NORTH + " a:contains(Edit)").attr("href"))
                .as("an edit comes back to this page").contains("back=");
    }

    @Test
    void makingAnotherMainComesBackToTheSamePageOfTheList() {
        services.answer("GET", "/v1/warehouses", 200, Samples.page(1, 20, 45, Samples.warehouse(Samples.NORTH, "North", "10500", false, 1, 2)));
        services.answer("GET", "/v1/warehouses/" + Samples.NORTH, 200, Samples.warehouse(Samples.NORTH, "North", "10500", false, 1, 2));
        services.answer("POST", "/v1/warehouses/" + Samples.NORTH + "/make-main", 200, Samples.warehouse(Samples.NORTH, "North", "10500", true, 1, 2));
        Visitor admin = admin();

        Element link = admin.get("/warehouses?page=2").one("#warehouse-" + Samples.NORTH + " a:contains(Make main)");
        Visitor.Page done = admin.submit(follow(admin, link.attr("href")).form("main form"));

        assertThat(done.redirect()).isEqualTo("/warehouses?page=2");
    }
}
