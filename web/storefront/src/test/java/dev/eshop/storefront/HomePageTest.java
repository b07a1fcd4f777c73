package dev.eshop.storefront;

import dev.eshop.platform.testing.web.FakeServices;
import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The home page (spec/ui.md §1.3) and the header and footer every page has (§1.1). */
class HomePageTest extends StorefrontTestSupport {

    @Test
    void showsTheHeroTheCategoryTilesWithCountsAndTheNewestVehicles() {
        UUID cx60 = UUID.randomUUID();
        services.answer("GET", "/v1/products", 200, Samples.page(0, 8, 2,
                Samples.product(cx60, "Mazda CX-60", "70000.00", "Mazda", 2024, 6),
                Samples.product(UUID.randomUUID(), "Honda CB650R", "9199.5", "Honda", 2023, 2)));

        Visitor.Page home = visitor().get("/");

        assertThat(home.status()).isEqualTo(200);
        Document page = home.document();
        assertThat(page.title()).isEqualTo("Cars and motorcycles — Eshop");
        assertThat(page.select("h1")).hasSize(1).first().extracting(Element::text).isEqualTo("Find your next car or motorcycle");
        assertThat(page.select(".hero a").eachText()).containsExactly("Shop cars", "Shop motorcycles");
        assertThat(page.select(".hero a").eachAttr("href")).containsExactly("/category/cars", "/category/motorcycles");
        assertThat(page.select(".tile").eachText()).containsExactly("Cars 23 vehicles", "Motorcycles 11 vehicles");
        assertThat(page.select(".tile img").eachAttr("src")).containsExactly("/img/category-cars.jpg", "/img/category-motorcycles.jpg");

        Element card = page.selectFirst(".grid-products .card");
        assertThat(card.attr("href")).isEqualTo("/products/" + cx60);
        assertThat(card.text()).isEqualTo("Mazda CX-60 Mazda · 2024 $70,000.00 In stock");
        assertThat(page.select(".grid-products .card").get(1).text()).contains("$9,199.50", "Only 2 left");
        assertThat(card.selectFirst("img").attr("alt")).isEqualTo("Mazda CX-60");
        assertThat(page.select("a:contains(See all vehicles)").attr("href")).isEqualTo("/products");
        assertThat(home.header("Set-Cookie")).as("browsing needs no session").isNull();

        FakeServices.Request newest = services.last("GET", "/v1/products");
        assertThat(newest.param("sort")).isEqualTo("created_at,desc");
        assertThat(newest.param("size")).isEqualTo("8");
        assertThat(newest.header("Authorization")).as("a visitor's calls carry no token").isNull();
    }

    @Test
    void onlyTheFirstThreeCardPicturesLoadAtOnce() {
        String[] items = new String[5];
        for (int i = 0; i < items.length; i++) {
            items[i] = Samples.product(UUID.randomUUID(), "Vehicle " + i, "1000.00", "Honda", 2020, 5);
        }
        services.answer("GET", "/v1/products", 200, Samples.page(0, 8, 5, items));

        Document page = visitor().get("/").document();

        assertThat(page.select(".card img").stream().map(image -> image.attr("loading"))).containsExactly("", "", "", "lazy", "lazy");
    }

    @Test
    void whenProductDoesNotAnswerTheTilesHaveNoCountsAndTheArrivalsSaySo() {
        services.answer("GET", "/v1/categories", 503, Samples.problem(503, "dependency-unavailable", "down", null));
        services.answer("GET", "/v1/products", 503, Samples.problem(503, "dependency-unavailable", "down", null));

        Visitor.Page home = visitor().get("/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.document().select(".tile").eachText()).containsExactly("Cars", "Motorcycles");
        assertThat(home.text()).contains("New arrivals are not available right now.");
        assertThat(home.text()).contains("Find your next car or motorcycle");
    }

    @Test
    void theHeaderOffersSignInToVisitorsAndTheAccountToCustomers() {
        Document signedOut = visitor().get("/").document();
        assertThat(signedOut.select("nav.menu-wide a").eachText()).containsExactly("Cars", "Motorcycles", "All vehicles", "Log in", "Sign up");
        assertThat(signedOut.select("nav.menu-wide a:contains(Log in)").attr("href")).isEqualTo("/login?return=/");
        assertThat(signedOut.selectFirst("#cart-badge").text()).isEqualTo("Cart");

        services.answer("GET", "/v1/carts/me", 200, Samples.cart(
                Samples.cartLine(UUID.randomUUID(), "Mazda CX-60", "70000.00", 3, 6, null, null)));
        Document signedIn = customer().get("/").document();
        assertThat(signedIn.select("nav.menu-wide a").eachText()).containsExactly("Cars", "Motorcycles", "All vehicles", "My orders",
                "Carl Customer");
        assertThat(signedIn.select("nav.menu-wide form[action=/logout] button").text()).isEqualTo("Log out");
        Element badge = signedIn.selectFirst("#cart-badge");
        assertThat(badge.text()).isEqualTo("Cart (3)");
        assertThat(badge.attr("aria-label")).isEqualTo("Cart, 3 vehicles");
        assertThat(services.last("GET", "/v1/carts/me").header("Authorization")).isEqualTo("Bearer " + accessToken(Samples.CUSTOMER_ID));
    }

    @Test
    void everyPageHasLandmarksASkipLinkAMenuForPhonesAndTheSearchField() {
        Document page = visitor().get("/").document();

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("a.skip-link").attr("href")).isEqualTo("#main");
        assertThat(page.select("main#main")).hasSize(1);
        assertThat(page.select("header")).isNotEmpty();
        assertThat(page.select("footer")).isNotEmpty();
        assertThat(page.selectFirst("details.menu-phone summary").text()).isEqualTo("Menu");
        Element search = page.selectFirst("form[role=search]");
        assertThat(search.attr("action")).isEqualTo("/products");
        assertThat(search.attr("method")).isEqualTo("get");
        assertThat(page.selectFirst("label[for=site-search]").text()).isEqualTo("Search");
        assertThat(page.select("footer a").eachText()).containsExactly("Cars", "Motorcycles", "Contact");
        assertThat(page.selectFirst("footer").text()).contains("© Eshop — cars and motorcycles");
        assertThat(page.selectFirst("meta[name=htmx-config]").attr("content")).contains("\"includeIndicatorStyles\":false");
        assertThat(page.select("script").eachAttr("src")).containsExactly("/webjars/htmx.org/2.0.8/dist/htmx.min.js", "/js/webapp.js",
                "/js/storefront.js");
        assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).containsExactly("/webjars/picocss__pico/2.1.1/css/pico.min.css",
                "/css/webapp.css", "/css/storefront.css");
        assertThat(visitor().get("/css/webapp.css").status()).as("platform-webapp's stylesheet is served by the app").isEqualTo(200);
        assertThat(visitor().get("/js/webapp.js").status()).as("platform-webapp's script is served by the app").isEqualTo(200);
        assertThat(visitor().get("/webjars/htmx.org/2.0.8/dist/htmx.min.js").status()).as("htmx is served by the app").isEqualTo(200);
        assertThat(page.select("script:not([src])")).as("no inline scripts").isEmpty();
        assertThat(page.select("[style]")).as("no inline styles").isEmpty();
    }
}
