package dev.eshop.storefront.catalogue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.eshop.platform.webapp.client.ServiceClients;
import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.storefront.StorefrontSettings;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The product service's public reads: categories, the product list with its facets, a product. */
@Component
public class Catalogue {

    private final RestClient product;
    /** The tree is on every catalogue page and changes rarely: kept for {@code eshop.storefront.category-cache-ttl}. */
    private final Cache<String, List<Category>> tree;

    Catalogue(ServiceClients clients, StorefrontSettings settings) {
        this.product = clients.create("product");
        this.tree = Caffeine.newBuilder().expireAfterWrite(settings.categoryCacheTtl()).maximumSize(1).build();
    }

    /** The tree: top categories with their children. A failed read is not kept, so the next page asks again. */
    public List<Category> categories() {
        return tree.get("tree", key -> List.copyOf(product.get().uri("/v1/categories").retrieve()
                .body(new ParameterizedTypeReference<List<Category>>() {
                })));
    }

    /** A category by slug; empty when there is none. */
    public Optional<Category> category(String slug) {
        try {
            return Optional.ofNullable(product.get().uri("/v1/categories/{slug}", slug).retrieve().body(Category.class));
        }
        catch (ServiceProblem problem) {
            if (problem.status() == 404 || problem.status() == 400) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    /** The products matching the search, one page (0-based). */
    public ProductPage search(CatalogueQuery query, int page, int size) {
        return product.get().uri(builder -> query.apply(builder.path("/v1/products"), true)
                        .queryParam("sort", query.sort().api())
                        .queryParam("page", page)
                        .queryParam("size", size)
                        .build())
                .retrieve().body(ProductPage.class);
    }

    /** The newest products, for the home page. */
    public ProductPage newest(int size) {
        return product.get().uri("/v1/products?sort=created_at,desc&size={size}", size).retrieve().body(ProductPage.class);
    }

    /** Brands and bounds over the products the search matches, leaving out its brand and year filters. */
    public Facets facets(CatalogueQuery query) {
        return product.get().uri(builder -> query.apply(builder.path("/v1/products/facets"), false).build())
                .retrieve().body(Facets.class);
    }

    /** A product that is for sale; empty when it is unknown or deleted. */
    public Optional<ProductDetail> product(UUID id) {
        try {
            return Optional.ofNullable(product.get().uri("/v1/products/{id}", id).retrieve().body(ProductDetail.class));
        }
        catch (ServiceProblem problem) {
            if (problem.status() == 404) {
                return Optional.empty();
            }
            throw problem;
        }
    }
}
