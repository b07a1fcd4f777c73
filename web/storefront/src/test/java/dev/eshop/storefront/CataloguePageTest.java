package dev.eshop.storefront;

import dev.eshop.platform.testing.web.FakeServices;
import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue {@code /products} and the category pages (spec/ui.md §1.4). */
class CataloguePageTest extends StorefrontTestSupport {

    private static String[] products(int count) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(Samples.product(UUID.randomUUID(), "Vehicle " + i, "10000.00", "Honda", 2023, 5));
        }
        return items.toArray(String[]::new);
    }

    @Test
    void passesSearchFiltersSortAndPageOnToProductAndShowsTheResults() {
        services.answer("GET", "/v1/products", 200, Samples.page(1, 24, 70, products(24)));
        services.answer("GET", "/v1/products/facets", 200, """
                {"brands":[{"name":"Honda","count":30},{"name":"Yamaha","count":7}],"price_min":5000.00,"price_max":90000.00,
                 "year_min":2015,"year_max":2025}""");

        Visitor.Page results = visitor().get("/products?q={q}&category=sport-bikes&brand=Honda&brand=Yamaha&min_price=1000"
                + "&max_price=50,000&year_min=2020&in_stock=true&sort=price-asc&page=2", "naked bike");

        FakeServices.Request search = services.last("GET", "/v1/products");
        assertThat(search.param("q")).isEqualTo("naked bike");
        assertThat(search.param("category")).isEqualTo("sport-bikes");
        assertThat(search.params("brand")).containsExactly("Honda", "Yamaha");
        assertThat(search.param("min_price")).isEqualTo("1000");
        assertThat(search.param("max_price")).isEqualTo("50000");
        assertThat(search.param("year_min")).isEqualTo("2020");
        assertThat(search.param("in_stock")).isEqualTo("true");
        assertThat(search.param("sort")).isEqualTo("price,asc");
        assertThat(search.param("page")).as("the API counts pages from 0").isEqualTo("1");
        assertThat(search.param("size")).isEqualTo("24");
        FakeServices.Request facets = services.last("GET", "/v1/products/facets");
        assertThat(facets.params("brand")).as("facets count every brand").isEmpty();
        assertThat(facets.param("q")).isEqualTo("naked bike");

        Document page = results.document();
        assertThat(page.title()).isEqualTo("All vehicles — Eshop");
        assertThat(page.selectFirst("h1").text()).isEqualTo("All vehicles");
        assertThat(page.selectFirst("#results-count").text()).isEqualTo("70 vehicles");
        assertThat(page.select("#results .card")).hasSize(24);
        assertThat(page.selectFirst("#q").val()).isEqualTo("naked bike");
        assertThat(page.select("input[name=brand][checked]").eachAttr("value")).containsExactly("Honda", "Yamaha");
        assertThat(page.selectFirst("label:has(input[value=Honda])").text()).isEqualTo("Honda (30)");
        assertThat(page.selectFirst("#sort option[selected]").text()).isEqualTo("Price: low to high");
        assertThat(page.select("#sort option").eachText()).containsExactly("Newest", "Price: low to high", "Price: high to low", "Name: A–Z");
        assertThat(page.selectFirst("#min_price").attr("placeholder")).isEqualTo("$5,000.00");

        assertThat(page.select(".chips[aria-label=\"Active filters\"] .chip").eachText()).containsExactly("Search: naked bike ✕",
                "Category: Sport bikes ✕", "Price from: $1,000.00 ✕", "Price to: $50,000.00 ✕", "Brand: Honda ✕", "Brand: Yamaha ✕",
                "Year from: 2020 ✕", "In stock only ✕");
        Element removeHonda = page.selectFirst(".chip[aria-label=\"Remove filter Brand: Honda\"]");
        assertThat(removeHonda.attr("href")).contains("brand=Yamaha").doesNotContain("brand=Honda").doesNotContain("page=");
        assertThat(page.selectFirst("a:contains(Clear all)").attr("href")).isEqualTo("/products");

        Element paging = page.selectFirst("nav.paging");
        assertThat(paging.selectFirst("a[rel=prev]").attr("href")).doesNotContain("page=").contains("sort=price-asc");
        assertThat(paging.selectFirst("a[rel=next]").attr("href")).contains("page=3");
        assertThat(paging.selectFirst("a[aria-current=page]").text()).isEqualTo("2");
        assertThat(paging.select("a[aria-label^=Page]").eachText()).containsExactly("1", "2", "3");
    }

    @Test
    void aNumberThatCannotBeReadIsExplainedNextToItsFieldAndKeptAsTyped() {
        Visitor.Page results = visitor().get("/products?min_price=cheap&year_max=soon");

        Document page = results.document();
        assertThat(page.selectFirst("#min_price-error").text()).isEqualTo("Enter a price like 70000.");
        assertThat(page.selectFirst("#min_price").val()).isEqualTo("cheap");
        assertThat(page.selectFirst("#min_price").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#min_price").attr("aria-describedby")).isEqualTo("min_price-error");
        assertThat(page.selectFirst("#year_max-error").text()).isEqualTo("Enter a year like 2024.");
        assertThat(page.select(".error-summary a").eachAttr("href")).containsExactly("#min_price", "#year_max");
        assertThat(services.requests("GET", "/v1/products")).as("nothing is searched with a broken filter").isEmpty();
    }

    @Test
    void productsRefusalOfAFilterIsShownNextToTheField() {
        services.answer("GET", "/v1/products", 400, Samples.problem(400, "validation", "The request has invalid fields.",
                "\"errors\":[{\"field\":\"max_price\",\"message\":\"must be at least min_price\"}]"));

        Document page = visitor().get("/products?min_price=900&max_price=100").document();

        assertThat(page.selectFirst("#max_price-error").text()).isEqualTo("Price to must be at least min_price.");
        assertThat(page.text()).doesNotContain("No vehicles match your search.");
    }

    @Test
    void noResultsSayWhyAndOfferToClearTheFilters() {
        Document page = visitor().get("/products?q=zeppelin").document();

        assertThat(page.selectFirst("#results-count").text()).isEqualTo("0 vehicles");
        assertThat(page.text()).contains("No vehicles match your search.");
        assertThat(page.selectFirst("#results a:contains(Clear filters)").attr("href")).isEqualTo("/products");
        assertThat(page.select("nav.paging")).as("one page needs no paging").isEmpty();
    }

    @Test
    void aCategoryPageIsTheCatalogueFixedToItWithItsSubCategoriesAsChips() {
        services.answer("GET", "/v1/products", 200, Samples.page(0, 24, 1, Samples.product(UUID.randomUUID(), "Mazda CX-60", "70000.00",
                "Mazda", 2024, 0)));

        Document cars = visitor().get("/category/cars?brand=Mazda").document();

        assertThat(cars.title()).isEqualTo("Cars — Eshop");
        assertThat(cars.selectFirst("h1").text()).isEqualTo("Cars");
        assertThat(cars.select("nav.breadcrumb li").eachText()).containsExactly("Home", "Cars");
        assertThat(cars.select(".chips[aria-label=Sub-categories] a").eachText()).containsExactly("All", "Sedan", "SUV");
        assertThat(cars.selectFirst(".chips[aria-label=Sub-categories] a:contains(SUV)").attr("href")).isEqualTo("/category/suv?brand=Mazda");
        assertThat(cars.selectFirst(".chips[aria-label=Sub-categories] a[aria-current]").text()).isEqualTo("All");
        assertThat(cars.select("input[name=category]")).as("the category is the page's own").isEmpty();
        assertThat(cars.selectFirst(".card").text()).endsWith("Out of stock");
        assertThat(services.last("GET", "/v1/products").param("category")).isEqualTo(Samples.CARS.toString());

        Document suv = visitor().get("/category/suv").document();
        assertThat(suv.select("nav.breadcrumb li").eachText()).containsExactly("Home", "Cars", "SUV");
        assertThat(suv.selectFirst("nav.breadcrumb a:contains(Cars)").attr("href")).isEqualTo("/category/cars");
        assertThat(suv.selectFirst(".chips[aria-label=Sub-categories] a[aria-current]").text()).isEqualTo("SUV");
    }

    @Test
    void anUnknownCategoryIsThe404Page() {
        Visitor.Page page = visitor().get("/category/zeppelins");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.text()).contains("We couldn't find that page.");
        assertThat(page.document().select("main a").eachAttr("href")).contains("/", "/products");
    }

    @Test
    void htmxGetsTheResultsRegionNotTheWholePageForAChangedFilter() {
        services.answer("GET", "/v1/products", 200, Samples.page(0, 24, 1, Samples.product(UUID.randomUUID(), "Honda CB650R", "9199.00",
                "Honda", 2023, 4)));

        Visitor.Page results = visitor().htmx().get("/products?brand=Honda");

        assertThat(results.status()).isEqualTo(200);
        assertThat(results.html()).doesNotContain("<html").doesNotContain("<header");
        Document fragment = results.document();
        assertThat(fragment.selectFirst("section#results").attr("aria-live")).isEqualTo("polite");
        assertThat(fragment.selectFirst("#results-count").text()).isEqualTo("1 vehicle");
        assertThat(fragment.select(".chip").eachText()).contains("Brand: Honda ✕");
    }

    @Test
    void everyHtmxUpdateOfTheResultsReplacesTheRegionInsteadOfNestingANewOneInIt() {
        services.answer("GET", "/v1/products", 200, Samples.page(1, 24, 70, products(24)));
        Document page = visitor().get("/products?brand=Honda&page=2").document();

        List<Element> updaters = new ArrayList<>(page.select("[hx-target=#results]"));
        assertThat(updaters).extracting(Element::tagName).contains("form", "select", "a");
        assertThat(page.select(".chips[aria-label=\"Active filters\"] a")).allMatch(link -> link.hasAttr("hx-get"));
        assertThat(page.select("nav.paging a")).allMatch(link -> link.attr("hx-target").equals("#results"));
        for (Element updater : updaters) {
            assertThat(updater.attr("hx-swap")).as(updater.outerHtml()).isEqualTo("outerHTML");
        }

        Document answer = visitor().htmx().get("/products?brand=Honda&page=2").document();
        assertThat(answer.select("body > section#results")).as("what comes back is the region itself").hasSize(1);
    }

    @Test
    void anHtmxUpdateSendsTheFilterFormAlongShowingTheSearchTheResultsAreFor() {
        services.answer("GET", "/v1/products/facets", 200, """
                {"brands":[{"name":"Honda","count":30},{"name":"Yamaha","count":7}],"price_min":null,"price_max":null,
                 "year_min":null,"year_max":null}""");
        Document page = visitor().get("/products?brand=Honda&brand=Yamaha&in_stock=true").document();
        String removeHonda = page.selectFirst(".chip[aria-label=\"Remove filter Brand: Honda\"]").attr("hx-get");

        Visitor.Page answer = visitor().htmx().get(removeHonda);

        Element form = answer.document().selectFirst("form#filters");
        assertThat(form.attr("hx-swap-oob")).isEqualTo("true");
        assertThat(form.select("input[name=brand][checked]").eachAttr("value")).containsExactly("Yamaha");
        assertThat(form.selectFirst("#in_stock").hasAttr("checked")).isTrue();

        Element cleared = visitor().htmx().get("/products").document().selectFirst("form#filters");
        assertThat(cleared.select("input[type=checkbox][checked]")).as("after Clear all nothing stays ticked").isEmpty();
        assertThat(cleared.selectFirst("#category-all").hasAttr("checked")).isTrue();
    }

    @Test
    void aFilterProblemFoundOnAnHtmxUpdateIsShownNextToItsFieldInTheFormSentAlong() {
        Document answer = visitor().htmx().get("/products?min_price=cheap").document();

        Element form = answer.selectFirst("form#filters[hx-swap-oob=true]");
        assertThat(form.selectFirst("#min_price-error").text()).isEqualTo("Enter a price like 70000.");
        assertThat(form.selectFirst("#min_price").val()).isEqualTo("cheap");
    }

    @Test
    void theSortSelectAsksForTheResultsItselfWithTheFiltersAndStillBelongsToTheFormWithoutJavaScript() {
        Visitor visitor = visitor();
        Visitor.Page page = visitor.get("/products?brand=Honda");
        Element sort = page.one("select#sort");

        assertThat(sort.attr("hx-get")).isEqualTo("/products");
        assertThat(sort.attr("hx-include")).isEqualTo("#filters");
        assertThat(sort.attr("hx-target")).isEqualTo("#results");
        assertThat(sort.attr("hx-push-url")).isEqualTo("true");
        assertThat(sort.attr("form")).isEqualTo("filters");
        assertThat(page.document().selectFirst(sort.attr("hx-include")).is("form")).isTrue();

        visitor.submit(page.form("form#filters"), Map.of("sort", "price-desc"));
        FakeServices.Request search = services.last("GET", "/v1/products");
        assertThat(search.param("sort")).isEqualTo("price,desc");
        assertThat(search.params("brand")).containsExactly("Honda");
    }

    @Test
    void aVisitorsLogInLinksFollowTheSearchHtmxPutInTheAddressBar() {
        Visitor.Page answer = visitor().htmx().on("/products").get("/products?brand=Honda");

        Document fragments = answer.document();
        for (String nav : List.of("nav#navigation-wide", "nav#navigation-phone")) {
            Element menu = fragments.selectFirst(nav);
            assertThat(menu.attr("hx-swap-oob")).as(nav).isEqualTo("true");
            assertThat(menu.selectFirst("a:contains(Log in)").attr("href")).as(nav).isEqualTo("/login?return=/products?brand%3DHonda");
        }
        Document full = visitor().get("/products").document();
        assertThat(full.select("nav#navigation-wide, nav#navigation-phone")).as("the same navs are on the page").hasSize(2);

        Document customers = customer().htmx().get("/products?brand=Honda").document();
        assertThat(customers.select("nav#navigation-wide")).as("a customer's links do not change").isEmpty();
    }

    @Test
    void theSearchTermIsShownAsTextNeverAsMarkup() {
        Visitor.Page page = visitor().get("/products?q={q}", "<script>alert('q')</script>");

        Document document = page.document();
        assertThat(document.select("main script")).isEmpty();
        assertThat(document.selectFirst("#q").val()).isEqualTo("<script>alert('q')</script>");
        assertThat(document.selectFirst(".chips[aria-label=\"Active filters\"] .chip").text())
                .isEqualTo("Search: <script>alert('q')</script> ✕");
        assertThat(page.html()).doesNotContain("<script>alert").contains("&lt;script&gt;alert(");

        Visitor.Page fragment = visitor().htmx().get("/products?q={q}", "<script>alert('q')</script>");
        assertThat(fragment.document().select("script")).isEmpty();
        assertThat(fragment.html()).doesNotContain("<script>alert");
    }

    @Test
    void aBackButtonRestoreGetsTheWholePage() {
        Visitor.Page restored = visitor().restoringHistory().get("/products?brand=Honda");

        assertThat(restored.html()).contains("<html");
        assertThat(restored.document().select("header.site-header")).hasSize(1);
    }

    @Test
    void aProductNameIsShownAsTextNeverAsMarkup() {
        services.answer("GET", "/v1/products", 200, Samples.page(0, 24, 1, Samples.product(UUID.randomUUID(),
                "<script>alert('x')</script> Roadster", "10000.00", "<b>Evil</b>", 2024, 3)));

        Visitor.Page results = visitor().get("/products");

        assertThat(results.document().select("#results script")).isEmpty();
        assertThat(results.document().select("#results b")).isEmpty();
        assertThat(results.document().selectFirst("#results .card .name").text()).isEqualTo("<script>alert('x')</script> Roadster");
        assertThat(results.html()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Roadster");
    }

    @Test
    void whenProductDoesNotAnswerTheResultsSaySoAndThePageStillRenders() {
        services.answer("GET", "/v1/products", 503, Samples.problem(503, "dependency-unavailable", "down", null));

        Visitor.Page page = visitor().get("/products");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("This part of the shop is not responding. Please try again in a moment.");
        assertThat(page.text()).doesNotContain("No vehicles match your search.");
        assertThat(page.document().select("form#filters")).hasSize(1);
    }
}
