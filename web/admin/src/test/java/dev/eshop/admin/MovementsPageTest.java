package dev.eshop.admin;

import dev.eshop.platform.testing.web.FakeServices;
import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The movements ledger (spec/ui.md §2.8): labels, names, formatted times, filters passed on. */
class MovementsPageTest extends AdminTestSupport {

    static final UUID HONDA = UUID.fromString("0193a4b0-0000-7000-8000-00000000d001");
    static final UUID ORDER = UUID.fromString("0193a4b0-0000-7000-8000-00004e5f6a7b");

    @Test
    void showsEachMovementWithItsLabelNamesOrderAndWho() {
        services.answer("GET", "/v1/stock-movements", 200, Samples.page(0, 20, 3,
                Samples.movement("TRANSFER", HONDA, "SKU-7Q2M4K9D", "Honda CB650R", 2, Samples.CENTRAL, "Central", Samples.NORTH, "North", null,
                        "Ada Admin", "Rebalance <b>now</b>"),
                Samples.movement("RESERVE", HONDA, "SKU-7Q2M4K9D", "Honda CB650R", 1, Samples.CENTRAL, "Central", null, null, ORDER, null, null),
                Samples.movement("RELEASE", HONDA, "SKU-7Q2M4K9D", "Honda CB650R", 1, null, null, Samples.CENTRAL, "Central", ORDER, null, null)));

        Visitor.Page page = admin().get("/movements");

        Document html = page.document();
        assertThat(html.select("#results tbody tr").eachText()).containsExactly(
                "9 Jan 2025, 08:01 Transfer SKU-7Q2M4K9D Honda CB650R 2 Central North Ada Admin Rebalance <b>now</b>",
                "9 Jan 2025, 08:01 Reserved for order SKU-7Q2M4K9D Honda CB650R 1 Central #4E5F6A7B Customer",
                "9 Jan 2025, 08:01 Released from order SKU-7Q2M4K9D Honda CB650R 1 Central #4E5F6A7B System");
        assertThat(html.selectFirst("#results a[href=/orders/" + ORDER + "]").text()).isEqualTo("#4E5F6A7B");
        assertThat(html.selectFirst("#results time").attr("datetime")).isEqualTo("2025-01-09T08:01:46Z");
        assertThat(page.html()).doesNotContain("<b>now</b>");
        assertThat(html.select("input[name=type]").eachAttr("value")).containsExactly("INITIAL", "RESTOCK", "TRANSFER", "RESERVE", "RELEASE");
        assertThat(services.last("GET", "/v1/stock-movements").param("sort")).isEqualTo("created_at,desc");
    }

    @Test
    void theFiltersTravelToTheLedgerAndAProductIsFoundBySkuOrName() {
        services.answer("GET", "/v1/stock/products", 200, Samples.page(0, 2, 1,
                Samples.productStock(HONDA, "SKU-7Q2M4K9D", "Honda CB650R", 3, 0, true)));

        Document page = admin().get("/movements?type=TRANSFER&type=RESTOCK&product=honda&warehouse_id=" + Samples.NORTH + "&order_id=" + ORDER
                + "&from=2025-01-01&to=2025-01-31").document();

        FakeServices.Request asked = services.last("GET", "/v1/stock-movements");
        assertThat(asked.params("type")).containsExactly("TRANSFER", "RESTOCK");
        assertThat(asked.param("product_id")).isEqualTo(HONDA.toString());
        assertThat(asked.param("warehouse_id")).isEqualTo(Samples.NORTH.toString());
        assertThat(asked.param("order_id")).isEqualTo(ORDER.toString());
        assertThat(asked.param("from")).isEqualTo("2025-01-01");
        assertThat(asked.param("to")).isEqualTo("2025-01-31");
        assertThat(page.select("input[name=type][checked]").eachAttr("value")).containsExactly("RESTOCK", "TRANSFER");
        assertThat(page.selectFirst("#warehouse_id option[selected]").text()).isEqualTo("North");
        assertThat(page.selectFirst("#results").text()).isEqualTo("No movements match these filters.");
    }

    @Test
    void filtersThatCannotBeReadAreExplainedAndNothingIsAsked() {
        services.answer("GET", "/v1/stock/products", 200, Samples.page(0, 2, 0));

        Visitor.Page page = admin().get("/movements?from=2025-02-01&to=2025-01-01&product=nothing&order_id=4E5F6A7B");

        assertThat(page.one("#from-error").text()).isEqualTo("The start date must be on or before the end date.");
        assertThat(page.one("#product-error").text()).isEqualTo("No product matches “nothing”.");
        assertThat(page.one("#order_id-error").text()).isEqualTo("Enter a full order id, as shown on the order's page.");
        assertThat(services.requests("GET", "/v1/stock-movements")).isEmpty();
    }

    @Test
    void searchingKeepsTheChosenSortAndTheCaptionSaysWhichWayItRuns() {
        services.answer("GET", "/v1/stock-movements", 200, Samples.page(0, 20, 1,
                Samples.movement("RESTOCK", HONDA, "SKU-7Q2M4K9D", "Honda CB650R", 5, null, null, Samples.CENTRAL, "Central", null,
                        "Ada Admin", null)));
        Visitor admin = admin();
        assertThat(admin.get("/movements").one("#results caption").text()).isEqualTo("Stock movements, newest first");
        Visitor.Page oldestFirst = admin.get("/movements?sort=created_at,asc");
        assertThat(oldestFirst.one("#results caption").text()).isEqualTo("Stock movements, oldest first");

        admin.submit(oldestFirst.form("form.filters"), Map.of("order_id", ORDER.toString()));

        FakeServices.Request asked = services.last("GET", "/v1/stock-movements");
        assertThat(asked.param("order_id")).isEqualTo(ORDER.toString());
        assertThat(asked.param("sort")).isEqualTo("created_at,asc");
    }

    @Test
    void withHtmxDatesTheWrongWayRoundAreShownNextToTheirField() {
        Visitor admin = admin();
        Element filters = admin.get("/movements").form("form.filters");

        Visitor.Page answer = admin.htmx().submit(filters, Map.of("from", "2025-02-01", "to", "2025-01-01"));

        Element swapped = answer.document().selectFirst(filters.attr("hx-select"));
        assertThat(swapped.selectFirst("#from-error").text()).isEqualTo("The start date must be on or before the end date.");
        assertThat(swapped.selectFirst("#from").val()).isEqualTo("2025-02-01");
        assertThat(swapped.selectFirst("#to").val()).isEqualTo("2025-01-01");
        assertThat(services.requests("GET", "/v1/stock-movements")).as("nothing asked for dates the wrong way round").hasSize(1);
    }

    @Test
    void theSecondPageIsAskedForAndThePagerShowsIt() {
        services.answer("GET", "/v1/stock-movements", 200, Samples.page(1, 20, 45,
                Samples.movement("RESTOCK", HONDA, "SKU-7Q2M4K9D", "Honda CB650R", 5, null, null, Samples.CENTRAL, "Central", null,
                        "Ada Admin", null)));

        Document page = admin().get("/movements?type=RESTOCK&page=2").document();

        assertSecondPageOf45(page, services.last("GET", "/v1/stock-movements"), "/movements?type=RESTOCK");
    }
}
