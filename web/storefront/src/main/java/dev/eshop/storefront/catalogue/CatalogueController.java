package dev.eshop.storefront.catalogue;

import dev.eshop.platform.webapp.Htmx;
import dev.eshop.platform.webapp.WebAppProperties;
import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.platform.webapp.format.Formats;
import dev.eshop.platform.webapp.page.FormErrors;
import dev.eshop.platform.webapp.security.SignedInUser;
import dev.eshop.storefront.site.Paging;
import dev.eshop.storefront.site.VisitorPageCache;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.FragmentsRendering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue (spec/ui.md §1.4): {@code /products} with search, filters, sort and paging in the
 * URL, and {@code /category/{slug}}, the same fixed to one category. htmx asks for the results
 * region when a filter changes, and gets the filter form with it.
 */
@Controller
class CatalogueController {

    static final int DEFAULT_PAGE_SIZE = 24;

    private final Catalogue catalogue;
    private final Formats fmt;
    private final int pageSize;

    CatalogueController(Catalogue catalogue, Formats fmt, WebAppProperties properties) {
        this.catalogue = catalogue;
        this.fmt = fmt;
        this.pageSize = properties.pageSize("catalogue", DEFAULT_PAGE_SIZE);
    }

    /** A breadcrumb step; the last one (the page itself) has no link. */
    record Crumb(String name, String href) {
    }

    @GetMapping("/products")
    Object products(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletRequest request) {
        CatalogueQuery query = CatalogueQuery.from(params, null);
        List<Category> tree = tree(model, request);
        String categoryName = query.category() == null ? null : tree.stream().map(top -> top.find(query.category()))
                .flatMap(Optional::stream).map(Category::name).findFirst().orElse(null);
        model.addAttribute("heading", "All vehicles");
        model.addAttribute("category", null);
        model.addAttribute("crumbs", List.of(new Crumb("Home", "/"), new Crumb("All vehicles", null)));
        model.addAttribute("subcategories", List.of());
        return results(query, categoryName, "/products", model, request);
    }

    @GetMapping("/category/{slug}")
    Object category(@PathVariable String slug, @RequestParam MultiValueMap<String, String> params, Model model,
                    HttpServletRequest request) {
        Category category = catalogue.category(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CatalogueQuery query = CatalogueQuery.from(params, category.slug()).inCategory(category.id());
        List<Category> tree = tree(model, request);
        Category parent = category.isTop() ? null
                : tree.stream().filter(top -> top.id().equals(category.parentId())).findFirst().orElse(null);
        String path = "/category/" + category.slug();
        List<Crumb> crumbs = new ArrayList<>(List.of(new Crumb("Home", "/")));
        if (parent != null) {
            crumbs.add(new Crumb(parent.name(), "/category/" + parent.slug()));
        }
        crumbs.add(new Crumb(category.name(), null));
        // The sub-categories as chips: a top category's children, or a child's siblings; "All" is the top category.
        Category top = category.isTop() ? tree.stream().filter(t -> t.id().equals(category.id())).findFirst().orElse(category) : parent;
        List<Crumb> subcategories = new ArrayList<>();
        if (top != null && !top.children().isEmpty()) {
            subcategories.add(new Crumb("All", query.href("/category/" + top.slug())));
            top.children().forEach(child -> subcategories.add(new Crumb(child.name(), query.href("/category/" + child.slug()))));
        }
        model.addAttribute("heading", category.name());
        model.addAttribute("category", category);
        model.addAttribute("crumbs", crumbs);
        model.addAttribute("subcategories", subcategories);
        return results(query, category.name(), path, model, request);
    }

    private Object results(CatalogueQuery query, String categoryName, String path, Model model, HttpServletRequest request) {
        FormErrors errors = query.errors();
        ProductPage page = new ProductPage(List.of(), 0, pageSize, 0);
        Facets facets = Facets.none();
        boolean unavailable = false;
        if (errors.isEmpty()) {
            try {
                page = catalogue.search(query, query.page() - 1, pageSize);
                facets = catalogue.facets(query);
            }
            catch (ServiceProblem problem) {
                if (problem.unavailable()) {
                    unavailable = true;
                }
                else if (problem.status() == 400) {
                    Map<String, String> fields = CatalogueQuery.LABELS.keySet().stream()
                            .collect(Collectors.toMap(Function.identity(), Function.identity()));
                    errors = FormErrors.of(problem, fields, CatalogueQuery.LABELS);
                }
                else {
                    throw problem;
                }
            }
        }
        model.addAttribute("path", path);
        model.addAttribute("query", query);
        model.addAttribute("errors", errors);
        model.addAttribute("page", page);
        model.addAttribute("facets", facets);
        model.addAttribute("unavailable", unavailable);
        model.addAttribute("chips", query.chips(path, categoryName, fmt));
        model.addAttribute("sorts", CatalogueQuery.Sort.values());
        model.addAttribute("paging", Paging.of(query.page(), pageSize, page.total(), number -> query.pageHref(path, number)));
        model.addAttribute("clearHref", path);
        if (unavailable) {
            VisitorPageCache.doNotKeep(request);
        }
        if (!Htmx.isFragmentRequest(request)) {
            return "catalogue";
        }
        // The results replace the old ones; the filter form comes along so a removed chip is unticked there too, and
        // a visitor's "Log in" links along so they return to the search now in the address bar.
        FragmentsRendering.Builder fragments = FragmentsRendering.fragment("catalogue :: results")
                .fragment("catalogue :: filters", Map.of("oob", true));
        if (SignedInUser.current().isEmpty()) {
            fragments.fragment("layout :: menu-phone", Map.of("oob", true)).fragment("layout :: menu-wide", Map.of("oob", true));
        }
        return fragments.build();
    }

    /** The category tree for the filter panel; without it the panel shows no categories. */
    private List<Category> tree(Model model, HttpServletRequest request) {
        List<Category> tree;
        try {
            tree = catalogue.categories();
        }
        catch (ServiceProblem problem) {
            tree = List.of();
            VisitorPageCache.doNotKeep(request);
        }
        model.addAttribute("tree", tree);
        return tree;
    }
}
