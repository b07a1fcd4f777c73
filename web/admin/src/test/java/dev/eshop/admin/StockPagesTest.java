package dev.eshop.admin;

import dev.eshop.platform.testing.web.FakeServices;
import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Stock, transfer and restock (spec/ui.md §2.7): names and SKUs, never raw ids; the service's refusals in place. */
class StockPagesTest extends AdminTestSupport {

    static final UUID HONDA = UUID.fromString("0193a4b0-0000-7000-8000-00000000d001");

    void hondaInStock() {
        String honda = Samples.productStock(HONDA, "SKU-7Q2M4K9D", "Honda CB650R", 3, 1, true, Samples.CENTRAL + ":Central:3");
        services.answer("GET", "/v1/stock/products", 200, Samples.page(0, 20, 1, honda));
        services.answer("GET", "/v1/stock/products/" + HONDA, 200, honda);
    }

    @Test
    void byProductShowsEachWarehouseAsAColumnMarksLowStockAndOffersTransferAndRestock() {
        hondaInStock();

        Document page = admin().get("/stock?low_stock=true&sort=total,asc").document();

        assertThat(page.select("#results thead th").eachText()).containsExactly("SKU", "Name", "Total ▲", "Reserved", "Central", "North",
                "Actions");
        Element row = page.selectFirst("#stock-" + HONDA);
        assertThat(row.select("td, th").eachText()).containsExactly("SKU-7Q2M4K9D", "Honda CB650R", "3 Low", "1", "3", "0", "Transfer Restock");
        assertThat(row.select("a").eachAttr("href")).extracting(href -> href.substring(0, href.indexOf("&back=")))
                .containsExactly("/stock/transfer?product_id=" + HONDA, "/stock/restock?product_id=" + HONDA);
        assertThat(page.selectFirst("th[aria-sort=ascending]").text()).isEqualTo("Total ▲");
        assertThat(page.selectFirst("nav.tabs a[aria-current=page]").text()).isEqualTo("By product");
        FakeServices.Request asked = services.last("GET", "/v1/stock/products");
        assertThat(asked.param("low_stock")).isEqualTo("true");
        assertThat(asked.param("sort")).isEqualTo("total,asc");
        assertThat(page.text()).doesNotContain(HONDA.toString(), Samples.CENTRAL.toString());
    }

    @Test
    void byWarehouseShowsTheMainWarehouseFirstAndAnotherOnRequest() {
        services.answer("GET", "/v1/stock", 200, Samples.page(0, 20, 1,
                Samples.stockRow(Samples.NORTH, "North", HONDA, "SKU-7Q2M4K9D", "Honda CB650R", 2)));

        Document main = admin().get("/stock?view=warehouse").document();
        assertThat(services.last("GET", "/v1/stock").param("warehouse_id")).isEqualTo(Samples.CENTRAL.toString());
        assertThat(main.selectFirst("#warehouse_id option[selected]").text()).isEqualTo("Central");

        Document north = admin().get("/stock?view=warehouse&warehouse_id=" + Samples.NORTH + "&sort=quantity,desc").document();
        FakeServices.Request asked = services.last("GET", "/v1/stock");
        assertThat(asked.param("warehouse_id")).isEqualTo(Samples.NORTH.toString());
        assertThat(asked.param("sort")).isEqualTo("quantity,desc");
        assertThat(north.selectFirst("caption").text()).isEqualTo("Stock in North");
        assertThat(north.selectFirst("#results tbody tr").text()).isEqualTo("SKU-7Q2M4K9D Honda CB650R 2 Low 9 Jan 2025, 08:01");
        assertThat(north.selectFirst("nav.tabs a[aria-current=page]").text()).isEqualTo("By warehouse");
    }

    @Test
    void theTransferFormPicksTheProductAndWarehousesByNameWithTheUnitsInEach() {
        hondaInStock();

        Visitor.Page page = admin().get("/stock/transfer?product_id=" + HONDA);

        assertThat(page.one("#product_id option[selected]").text()).isEqualTo("SKU-7Q2M4K9D · Honda CB650R (3 units)");
        assertThat(page.document().select("#from_warehouse_id option").eachText())
                .containsExactly("Choose a warehouse", "Central — 3 units", "North — 0 units");
        assertThat(page.document().select("#to_warehouse_id option").eachText()).containsExactly("Choose a warehouse", "Central", "North");
        assertThat(page.one("#to_warehouse_id").attr("data-other-than")).isEqualTo("from_warehouse_id");
        assertThat(page.one("#move-form legend").text()).isEqualTo("Move units of SKU-7Q2M4K9D · Honda CB650R");
        assertThat(page.one("#pick-product").attr("method")).isEqualTo("get");
        assertThat(page.document().select("#pick-product button").eachText()).containsExactly("Find", "Update");
    }

    @Test
    void searchingNarrowsTheProductsOffered() {
        hondaInStock();

        Visitor.Page page = admin().submit(admin().get("/stock/transfer").form("#pick-product"), Map.of("q", "honda"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(services.last("GET", "/v1/stock/products").param("q")).isEqualTo("honda");
        assertThat(page.one("#q").val()).isEqualTo("honda");
        assertThat(page.text()).contains("Choose a product above to see where its units are.");
    }

    @Test
    void movingMoreThanTheWarehouseHoldsShowsTheServicesWordsAtTheQuantity() {
        hondaInStock();
        services.answer("POST", "/v1/stock/transfers", 409, Samples.problem(409, "insufficient-stock", "Central has only 3 units of this product.",
                "\"short_products\":[{\"product_id\":\"" + HONDA + "\",\"name\":\"Honda CB650R\",\"requested\":5,\"available\":3}]"));
        Visitor admin = admin();
        Element form = admin.get("/stock/transfer?product_id=" + HONDA).form("#move-form");

        Visitor.Page refused = admin.submit(form, Map.of("from_warehouse_id", Samples.CENTRAL.toString(), "to_warehouse_id",
                Samples.NORTH.toString(), "quantity", "5", "note", "Rebalance <north>"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.one("#quantity-error").text()).isEqualTo("Central has only 3 units of this product.");
        assertThat(refused.one("#quantity").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.one("#quantity").val()).isEqualTo("5");
        assertThat(refused.one("#note").wholeText()).isEqualTo("Rebalance <north>");
        assertThat(refused.one("#from_warehouse_id option[selected]").text()).isEqualTo("Central — 3 units");
        assertThat(refused.one("#to_warehouse_id option[selected]").text()).isEqualTo("North");
        FakeServices.Request sent = services.last("POST", "/v1/stock/transfers");
        assertThat(sent.text()).isEqualTo("{\"product_id\":\"" + HONDA + "\",\"from_warehouse_id\":\"" + Samples.CENTRAL
                + "\",\"to_warehouse_id\":\"" + Samples.NORTH + "\",\"quantity\":5,\"note\":\"Rebalance <north>\"}");
        assertThat(sent.header("Idempotency-Key")).isEqualTo(form.selectFirst("input[name=idempotency_key]").val());
    }

    @Test
    void twoTimesTheSameWarehouseIsRefusedBeforeAsking() {
        hondaInStock();
        Visitor admin = admin();

        Visitor.Page refused = admin.submit(admin.get("/stock/transfer?product_id=" + HONDA).form("#move-form"),
                Map.of("from_warehouse_id", Samples.CENTRAL.toString(), "to_warehouse_id", Samples.CENTRAL.toString(), "quantity", "1"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.one("#to_warehouse_id-error").text()).isEqualTo("Choose two different warehouses.");
        assertThat(services.requests("POST", "/v1/stock/transfers")).isEmpty();
    }

    @Test
    void aTransferGoesBackToTheStockWithWhatMoved() {
        hondaInStock();
        services.answer("POST", "/v1/stock/transfers", 201, Samples.movement("TRANSFER", HONDA, "SKU-7Q2M4K9D", "Honda CB650R", 2,
                Samples.CENTRAL, "Central", Samples.NORTH, "North", null, "Ada Admin", null));
        Visitor admin = admin();

        Visitor.Page done = admin.submit(admin.get("/stock/transfer?product_id=" + HONDA).form("#move-form"),
                Map.of("from_warehouse_id", Samples.CENTRAL.toString(), "to_warehouse_id", Samples.NORTH.toString(), "quantity", "2"));

        assertThat(done.redirect()).isEqualTo("/stock");
        assertThat(services.last("POST", "/v1/stock/transfers").json().get("note").isNull()).isTrue();
        assertThat(admin.get("/stock").one("p.notice").text()).isEqualTo("Moved 2 × Honda CB650R from Central to North.");
    }

    @Test
    void aRestockGoesBackToTheStockWithWhatWasAdded() {
        hondaInStock();
        services.answer("POST", "/v1/stock/restocks", 201, Samples.movement("RESTOCK", HONDA, "SKU-7Q2M4K9D", "Honda CB650R", 5,
                null, null, Samples.NORTH, "North", null, "Ada Admin", "From the factory"));
        Visitor admin = admin();
        Visitor.Page form = admin.get("/stock/restock?product_id=" + HONDA);
        assertThat(form.document().select("#move-form label").eachText()).containsExactly("Warehouse (required)", "Quantity (required)", "Note");

        Visitor.Page done = admin.submit(form.form("#move-form"), Map.of("warehouse_id", Samples.NORTH.toString(), "quantity", "5",
                "note", "From the factory"));

        assertThat(done.redirect()).isEqualTo("/stock");
        assertThat(services.last("POST", "/v1/stock/restocks").text()).isEqualTo("{\"warehouse_id\":\"" + Samples.NORTH + "\",\"product_id\":\""
                + HONDA + "\",\"quantity\":5,\"note\":\"From the factory\"}");
        assertThat(admin.get("/stock").one("p.notice").text()).isEqualTo("Added 5 units of Honda CB650R to North.");
    }

    @Test
    void aQuantityOutsideTheRangeIsRefusedBeforeAsking() {
        hondaInStock();
        Visitor admin = admin();

        Visitor.Page refused = admin.submit(admin.get("/stock/restock?product_id=" + HONDA).form("#move-form"),
                Map.of("warehouse_id", Samples.NORTH.toString(), "quantity", "10001"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.one("#quantity-error").text()).isEqualTo("Enter a quantity from 1 to 10000.");
        assertThat(services.requests("POST", "/v1/stock/restocks")).isEmpty();
    }

    @Test
    void htmxRefreshesTheFormWhenAnotherProductIsChosen() {
        hondaInStock();

        Visitor.Page fragment = admin().htmx().get("/stock/transfer?product_id=" + HONDA);

        assertThat(fragment.html()).doesNotContain("<html");
        assertThat(fragment.document().select("#stock-move #from_warehouse_id option")).hasSize(3);
    }

    @Test
    void searchingKeepsTheChosenSortInBothViews() {
        Visitor admin = admin();

        admin.submit(admin.get("/stock?sort=total,asc").form("form.filters"), Map.of("q", "honda"));
        FakeServices.Request byProduct = services.last("GET", "/v1/stock/products");
        assertThat(byProduct.param("q")).isEqualTo("honda");
        assertThat(byProduct.param("sort")).isEqualTo("total,asc");

        admin.submit(admin.get("/stock?view=warehouse&sort=quantity,desc").form("form.filters"), Map.of("q", "honda"));
        FakeServices.Request byWarehouse = services.last("GET", "/v1/stock");
        assertThat(byWarehouse.param("q")).isEqualTo("honda");
        assertThat(byWarehouse.param("sort")).isEqualTo("quantity,desc");
    }

    @Test
    void theSecondPageIsAskedForAndThePagerShowsIt() {
        services.answer("GET", "/v1/stock/products", 200, Samples.page(1, 20, 45,
                Samples.productStock(HONDA, "SKU-7Q2M4K9D", "Honda CB650R", 3, 1, true, Samples.CENTRAL + ":Central:3")));

        Document page = admin().get("/stock?low_stock=true&page=2").document();

        assertSecondPageOf45(page, services.last("GET", "/v1/stock/products"), "/stock?low_stock=true");
    }

    @Test
    void aTransferGoesBackToTheStockAsItWasShown() {
        hondaInStock();
        services.answer("POST", "/v1/stock/transfers", 201, Samples.movement("TRANSFER", HONDA, "SKU-7Q2M4K9D", "Honda CB650R", 2,
                Samples.CENTRAL, "Central", Samples.NORTH, "North", null, "Ada Admin", null));
        Visitor admin = admin();
        String list = "/stock?q=honda&low_stock=true&sort=total%2Casc";

        Element transfer = admin.get("/stock?q=honda&low_stock=true&sort=total,asc").one("#stock-" + HONDA + " a:contains(Transfer)");
        Visitor.Page form = follow(admin, transfer.attr("href"));
        assertThat(form.one("#move-form a:contains(Cancel)").attr("href")).isEqualTo(list);
        assertThat(form.one("#pick-product input[name=back]").val()).as("kept while another product is picked").isEqualTo(list);
        Visitor.Page done = admin.submit(form.form("#move-form"),
                Map.of("from_warehouse_id", Samples.CENTRAL.toString(), "to_warehouse_id", Samples.NORTH.toString(), "quantity", "2"));

        assertThat(done.redirect()).isEqualTo(list);
        assertThat(landing(admin, done).selectFirst("p.notice").text()).isEqualTo("Moved 2 × Honda CB650R from Central to North.");
        FakeServices.Request asked = services.last("GET", "/v1/stock/products");
        assertThat(asked.param("q")).isEqualTo("honda");
        assertThat(asked.param("low_stock")).isEqualTo("true");
        assertThat(asked.param("sort")).isEqualTo("total,asc");
    }

    @Test
    void aRestockFromAnotherSiteStillGoesBackToTheStock() {
        hondaInStock();
        services.answer("POST", "/v1/stock/restocks", 201, Samples.movement("RESTOCK", HONDA, "SKU-7Q2M4K9D", "Honda CB650R", 5,
                null, null, Samples.NORTH, "North", null, "Ada Admin", null));
        Visitor admin = admin();

        Visitor.Page done = admin.submit(admin.get("/stock/restock?product_id=" + HONDA).form("#move-form"),
                Map.of("warehouse_id", Samples.NORTH.toString(), "quantity", "5", "back", "https://evil.example/stock"));

        assertThat(done.redirect()).isEqualTo("/stock");
    }
}
