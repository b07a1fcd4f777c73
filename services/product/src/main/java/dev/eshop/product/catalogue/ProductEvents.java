package dev.eshop.product.catalogue;

import dev.eshop.platform.events.product.ProductCreated;
import dev.eshop.platform.events.product.ProductDeleted;
import dev.eshop.platform.events.product.ProductImage;
import dev.eshop.platform.events.product.ProductUpdated;
import dev.eshop.product.category.Categories;
import dev.eshop.product.category.Category;
import dev.eshop.product.image.ImageUrls;
import org.springframework.stereotype.Component;

/** The events a product's changes publish, with its full state (events.md §3.1–3.3). */
@Component
public class ProductEvents {

    private final ImageUrls urls;
    private final Categories categories;

    ProductEvents(ImageUrls urls, Categories categories) {
        this.urls = urls;
        this.categories = categories;
    }

    public ProductCreated created(Product product, int initialQuantity) {
        return new ProductCreated(product.id(), product.sku(), product.name(), product.description(), product.price(),
                product.categoryId(), categoryName(product), product.attributes(),
                product.mainImage().map(urls::url).orElse(null), product.mainImage().map(urls::thumbnailUrl).orElse(null),
                initialQuantity, product.version(), product.createdAt());
    }

    public ProductUpdated updated(Product product) {
        return new ProductUpdated(product.id(), product.sku(), product.name(), product.description(), product.price(),
                product.categoryId(), categoryName(product), product.attributes(),
                product.mainImage().map(urls::url).orElse(null), product.mainImage().map(urls::thumbnailUrl).orElse(null),
                product.images().stream().map(image -> new ProductImage(image.id(), urls.url(image), urls.thumbnailUrl(image),
                        image.main(), image.position())).toList(),
                product.stock(), product.version(), product.createdAt(), product.updatedAt());
    }

    public ProductDeleted deleted(Product product) {
        return new ProductDeleted(product.id(), product.sku(), product.version(), product.deletedAt());
    }

    /** {@code product-updated} for a live product, {@code product-deleted} for a deleted one (republish). */
    public dev.eshop.platform.events.Event current(Product product) {
        return product.deleted() ? deleted(product) : updated(product);
    }

    private String categoryName(Product product) {
        return categories.find(product.categoryId()).map(Category::name).orElse(null);
    }
}
