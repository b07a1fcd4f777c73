package dev.eshop.admin;

import dev.eshop.platform.testing.web.Visitor;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The category tree (spec/ui.md §2.5). */
class CategoryPageTest extends AdminTestSupport {

    @Test
    void theTreeShowsCountsAndOffersDeleteOnlyForAnEmptyCategory() {
        Document page = admin().get("/categories").document();

        Element cars = page.selectFirst("#category-" + Samples.CARS);
        assertThat(cars.selectFirst("h3").text()).isEqualTo("Cars 23 products");
        assertThat(cars.text()).contains("Cannot be deleted: Has sub-categories.");
        assertThat(page.selectFirst("#category-" + Samples.SUV).text()).contains("Cannot be deleted: Has 14 products.");
        Element sportBikes = page.selectFirst("#category-" + Samples.SPORT_BIKES);
        assertThat(sportBikes.select("a:contains(Delete)").attr("data-confirm")).isEqualTo("Delete the category Sport bikes?");
        assertThat(sportBikes.selectFirst("[id=category-" + Samples.SPORT_BIKES + "-slug]").val()).isEqualTo("sport-bikes");
        assertThat(page.select("#new_parent_id option").eachText()).containsExactly("None (a top category)", "Cars", "Motorcycles");
    }

    @Test
    void aDuplicateSlugIsShownAtTheSlugOfTheAddForm() {
        services.answer("POST", "/v1/categories", 409, Samples.problem(409, "duplicate", "The slug 'suv' is already used.",
                "\"field\":\"slug\""));
        Visitor admin = admin();

        Visitor.Page refused = admin.submit(admin.get("/categories").form("#add-category"), Map.of("name", "Crossover", "slug", "suv",
                "parent_id", Samples.CARS.toString()));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.one("#new_slug-error").text()).isEqualTo("The slug 'suv' is already used.");
        assertThat(refused.one("#new_name").val()).isEqualTo("Crossover");
        assertThat(refused.one("#new_parent_id option[selected]").text()).isEqualTo("Cars");
        assertThat(services.last("POST", "/v1/categories").text())
                .isEqualTo("{\"name\":\"Crossover\",\"slug\":\"suv\",\"parent_id\":\"" + Samples.CARS + "\",\"position\":0}");
    }

    @Test
    void aRefusedRenameIsShownInItsOwnRowWithWhatWasTyped() {
        services.answer("PUT", "/v1/categories/" + Samples.SUV, 400, Samples.problem(400, "validation", "Invalid.", null,
                "slug=must be lower-case letters and digits separated by single hyphens"));
        Visitor admin = admin();
        Element row = admin.get("/categories").one("#category-" + Samples.SUV);

        Visitor.Page refused = admin.submit(row.selectFirst("form"), Map.of("name", "Sport utility", "slug", "Sport Utility"));

        assertThat(refused.status()).isEqualTo(400);
        String slug = "category-" + Samples.SUV + "-slug";
        assertThat(refused.one("[id=" + slug + "-error]").text())
                .isEqualTo("Slug must be lower-case letters and digits separated by single hyphens.");
        assertThat(refused.one("[id=" + slug + "]").val()).isEqualTo("Sport Utility");
        assertThat(refused.one("[id=category-" + Samples.SUV + "-name]").val()).isEqualTo("Sport utility");
        assertThat(refused.one("[id=category-" + Samples.SEDAN + "-name]").val()).as("other rows as they are").isEqualTo("Sedan");
        assertThat(services.last("PUT", "/v1/categories/" + Samples.SUV).json().get("parent_id").asString()).isEqualTo(Samples.CARS.toString());
    }

    @Test
    void aDeleteTheServiceRefusesSaysWhy() {
        services.answer("DELETE", "/v1/categories/" + Samples.SPORT_BIKES, 409, Samples.problem(409, "invalid-state", "has products",
                "\"current_status\":null"));
        Visitor admin = admin();

        Visitor.Page confirm = admin.get("/categories/" + Samples.SPORT_BIKES + "/delete");
        assertThat(confirm.one("main p").text()).isEqualTo("Delete the category Sport bikes?");
        Visitor.Page refused = admin.submit(confirm.form("main form"));

        assertThat(refused.redirect()).isEqualTo("/categories");
        assertThat(admin.get("/categories").one("p.alert").text()).isEqualTo("Sport bikes cannot be deleted: has products");
    }
}
