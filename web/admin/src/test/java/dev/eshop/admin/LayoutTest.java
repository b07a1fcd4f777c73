package dev.eshop.admin;

import dev.eshop.platform.testing.web.FakeServices;
import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The frame of every page (spec/ui.md §2.1, §0.5): navigation, top bar, landmarks, titles, no inline scripts or styles. */
class LayoutTest extends AdminTestSupport {

    /** The pages an admin opens without choosing anything first. */
    static final List<String> PAGES = List.of("/", "/products", "/products/new", "/categories", "/warehouses", "/warehouses/new", "/stock",
            "/stock?view=warehouse", "/stock/transfer", "/stock/restock", "/movements", "/orders", "/payments", "/reports/sales", "/users",
            "/users/new-admin");

    @Test
    void everyPageHasOneHeadingAUniqueTitleLandmarksAndNoInlineScriptsOrStyles() {
        Set<String> titles = new HashSet<>();
        for (String path : PAGES) {
            Visitor.Page page = admin().get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            Document html = page.document();
            assertThat(html.select("h1")).as(path).hasSize(1);
            assertThat(html.title()).as(path).endsWith(" — Eshop Admin");
            titles.add(html.title());
            assertThat(html.selectFirst("html").attr("lang")).isEqualTo("en");
            assertThat(html.selectFirst("a.skip-link").attr("href")).isEqualTo("#main");
            assertThat(html.select("main#main")).as(path).hasSize(1);
            assertThat(html.select("header")).isNotEmpty();
            assertThat(html.select("footer")).isNotEmpty();
            assertThat(html.select("script:not([src])")).as(path + ": no inline scripts").isEmpty();
            assertThat(html.select("[style]")).as(path + ": no inline styles").isEmpty();
            assertThat(html.select("[onclick], [onsubmit], [onchange]")).as(path).isEmpty();
            for (Element input : html.select("input:not([type=hidden]), select, textarea")) {
                assertThat(html.select("label[for=" + input.id() + "]")).as(path + ": a label for #" + input.id()).isNotEmpty();
            }
            assertThat(html.select("table")).allSatisfy(table -> assertThat(table.select("caption")).as(path).isNotEmpty());
            assertThat(html.select("thead th")).allSatisfy(th -> assertThat(th.attr("scope")).as(path).isEqualTo("col"));
            assertThat(html.text()).contains("Times are in UTC.");
        }
        assertThat(titles).as("unique titles").hasSize(PAGES.size());
    }

    @Test
    void theNavigationMarksThePageAndCountsThePaymentsAwaitingReview() {
        services.answer("GET", "/v1/payments", 200, Samples.page(0, 1, 3));

        Document page = admin().get("/warehouses/new").document();

        Element navigation = page.selectFirst("nav.menu-wide[aria-label=Admin]");
        assertThat(navigation.select(".group").eachText()).containsExactly("Catalogue", "Stock", "Sales");
        assertThat(navigation.select("a").eachAttr("href")).containsExactly("/", "/products", "/categories", "/warehouses", "/stock",
                "/movements", "/orders", "/payments", "/reports/sales", "/users");
        assertThat(navigation.select("a[aria-current=page]").text()).isEqualTo("Warehouses");
        assertThat(navigation.select("a[href=/payments]").text()).isEqualTo("Payments 3 awaiting review");
        assertThat(page.selectFirst("details.menu-narrow summary").text()).isEqualTo("Menu");
        assertThat(page.select("details.menu-narrow nav a")).hasSize(10);
        FakeServices.Request count = services.last("GET", "/v1/payments");
        assertThat(count.param("status")).isEqualTo("PENDING");
        assertThat(count.param("size")).isEqualTo("1");
        assertThat(count.header("Authorization")).isEqualTo("Bearer " + accessToken(ADMIN_ID));
    }

    @Test
    void theTopBarShowsTheAdminTheBreadcrumbAndLogOut() {
        Document page = admin().get("/warehouses/new").document();

        Element top = page.selectFirst("header.top-bar");
        assertThat(top.select(".who-name").text()).isEqualTo("Ada Admin");
        assertThat(top.select(".who-email").text()).isEqualTo("ada.admin@example.com");
        assertThat(top.select("form[action=/logout][method=post] button").text()).isEqualTo("Log out");
        assertThat(top.select("form[action=/logout] input[name=_csrf]")).hasSize(1);
        assertThat(top.select("nav.breadcrumb li").eachText()).containsExactly("Dashboard", "Warehouses", "Add warehouse");
        assertThat(top.select("nav.breadcrumb [aria-current=page]").text()).isEqualTo("Add warehouse");
    }

    @Test
    void whenPaymentDoesNotAnswerThePageStillRendersWithoutTheCount() {
        services.answer("GET", "/v1/payments", 503, Samples.problem(503, "dependency-unavailable", "down", null));

        Visitor.Page page = admin().get("/warehouses");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("nav.menu-wide a[href=/payments]").text()).isEqualTo("Payments");
    }

    @Test
    void pagesLoadHtmxWithoutItsInlineStylesAndSendTheSecurityHeaders() {
        Visitor.Page page = admin().get("/products");

        Document html = page.document();
        assertThat(html.selectFirst("meta[name=htmx-config]").attr("content")).contains("\"includeIndicatorStyles\":false");
        assertThat(html.select("script").eachAttr("src")).containsExactly("/webjars/htmx.org/2.0.8/dist/htmx.min.js", "/js/webapp.js",
                "/js/admin.js");
        assertThat(html.select("script[src]")).allSatisfy(script -> assertThat(script.hasAttr("defer")).isTrue());
        assertThat(html.select("link[rel=stylesheet]").eachAttr("href")).containsExactly("/webjars/picocss__pico/2.1.1/css/pico.min.css",
                "/css/webapp.css", "/css/admin.css");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                "img-src 'self' blob: http://images.test");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void theStaticFilesAreServedToEveryone() {
        assertThat(visitor().get("/webjars/chart.js/dist/chart.umd.min.js").status()).isEqualTo(200);
        assertThat(visitor().get("/webjars/htmx.org/dist/htmx.min.js").status()).isEqualTo(200);
        assertThat(visitor().get("/js/admin.js").status()).isEqualTo(200);
        assertThat(visitor().get("/css/admin.css").status()).isEqualTo(200);
    }

    @Test
    void whatBothWebAppsShareIsServedFromPlatformWebappAndLinkedBeforeTheAppsOwnFiles() {
        Document html = admin().get("/products").document();
        assertThat(html.select("link[rel=stylesheet]").eachAttr("href")).containsSubsequence("/css/webapp.css", "/css/admin.css");
        assertThat(html.select("script").eachAttr("src")).containsSubsequence("/js/webapp.js", "/js/admin.js");

        Visitor.Page css = visitor().get("/css/webapp.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");
        assertThat(css.html()).as("platform-webapp's file").contains("What both web apps' pages share", ".error-summary");
        Visitor.Page js = visitor().get("/js/webapp.js");
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.header("Content-Type")).contains("javascript");
        assertThat(js.html()).as("platform-webapp's file").contains("What both web apps' pages share", "htmx:configRequest");
    }
}
