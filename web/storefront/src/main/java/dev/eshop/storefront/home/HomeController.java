package dev.eshop.storefront.home;

import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.storefront.catalogue.Catalogue;
import dev.eshop.storefront.catalogue.Category;
import dev.eshop.storefront.catalogue.ProductSummary;
import dev.eshop.storefront.site.VisitorPageCache;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The home page (spec/ui.md §1.3): hero, the Cars and Motorcycles tiles with their counts, and the
 * eight newest vehicles. When product does not answer, the tiles have no counts and the arrivals
 * say so; the page itself still renders.
 */
@Controller
class HomeController {

    static final int NEW_ARRIVALS = 8;

    private final Catalogue catalogue;

    HomeController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** A category tile: its cover (a static picture of the storefront), name and count (null when unknown). */
    record Tile(String name, String slug, String cover, Long count) {
    }

    @GetMapping("/")
    String home(Model model, HttpServletRequest request) {
        Map<String, Category> tops;
        try {
            tops = catalogue.categories().stream().collect(Collectors.toMap(Category::slug, Function.identity(), (a, b) -> a));
        }
        catch (ServiceProblem problem) {
            tops = Map.of();
            VisitorPageCache.doNotKeep(request);
        }
        model.addAttribute("tiles", List.of(tile("Cars", "cars", tops), tile("Motorcycles", "motorcycles", tops)));
        List<ProductSummary> arrivals = null;
        try {
            arrivals = catalogue.newest(NEW_ARRIVALS).items();
        }
        catch (ServiceProblem problem) {
            // "New arrivals are not available right now."
            VisitorPageCache.doNotKeep(request);
        }
        model.addAttribute("arrivals", arrivals);
        return "home";
    }

    private static Tile tile(String name, String slug, Map<String, Category> tops) {
        Category category = tops.get(slug);
        return new Tile(category != null ? category.name() : name, slug, "/img/category-" + slug + ".jpg",
                category != null ? category.productCount() : null);
    }
}
