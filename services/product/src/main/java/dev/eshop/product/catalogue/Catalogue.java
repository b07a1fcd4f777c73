package dev.eshop.product.catalogue;

import dev.eshop.platform.web.Ids;
import dev.eshop.platform.web.problem.FieldViolation;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import dev.eshop.platform.web.problem.NotFoundException;
import dev.eshop.platform.web.problem.StaleVersionException;
import dev.eshop.platform.web.security.CurrentUser;
import dev.eshop.product.category.Categories;
import dev.eshop.product.category.Category;
import dev.eshop.product.catalogue.ProductRequests.NewProduct;
import dev.eshop.product.catalogue.ProductRequests.ProductChange;
import dev.eshop.product.catalogue.ProductViews.CategoryRef;
import dev.eshop.product.catalogue.ProductViews.ImageView;
import dev.eshop.product.catalogue.ProductViews.LookupItem;
import dev.eshop.product.catalogue.ProductViews.LookupResult;
import dev.eshop.product.catalogue.ProductViews.ProductDetail;
import dev.eshop.product.catalogue.ProductViews.ProductSummary;
import dev.eshop.product.image.ImageUrls;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Products: create, edit, delete, read, list and look up; every change through the store with its event. */
@Service
public class Catalogue {

    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProductStore store;
    private final Categories categories;
    private final ProductEvents events;
    private final ImageUrls urls;

    Catalogue(ProductStore store, Categories categories, ProductEvents events, ImageUrls urls) {
        this.store = store;
        this.categories = categories;
        this.events = events;
        this.urls = urls;
    }

    public ProductDetail create(NewProduct request) {
        List<FieldViolation> errors = Attributes.none();
        Map<String, Object> attributes = Attributes.check(request.attributes(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        categories.leaf(request.categoryId());
        Instant now = now();
        int initialQuantity = request.initialQuantity() == null ? 0 : request.initialQuantity();
        for (int attempt = 1; ; attempt++) {
            Product product = new Product(Ids.newId(), newSku(), request.name(), Objects.requireNonNullElse(request.description(), ""),
                    request.price().setScale(2), request.categoryId(), attributes, List.of(), 0, 0, 1, now, now, null);
            try {
                store.insert(product, events.created(product, initialQuantity));
                return detail(product);
            }
            catch (ProductStore.SkuTakenException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    public ProductDetail update(UUID id, ProductChange request) {
        List<FieldViolation> errors = Attributes.none();
        Map<String, Object> attributes = Attributes.check(request.attributes(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        Product current = live(id);
        if (current.version() != request.version()) {
            throw new StaleVersionException(current.version());
        }
        categories.leaf(request.categoryId());
        String description = Objects.requireNonNullElse(request.description(), "");
        if (current.name().equals(request.name()) && current.description().equals(description)
                && current.price().compareTo(request.price()) == 0 && current.categoryId().equals(request.categoryId())
                && current.attributes().equals(attributes)) {
            return detail(current);
        }
        Product changed = current.edited(request.name(), description, request.price().setScale(2), request.categoryId(), attributes, now());
        if (!store.update(changed, current.version(), events.updated(changed))) {
            throw new StaleVersionException(store.find(id).map(Product::version).orElse(current.version()));
        }
        return detail(changed);
    }

    /** Soft delete; again on a deleted product changes nothing. */
    public void delete(UUID id) {
        for (int attempt = 1; ; attempt++) {
            Product current = store.find(id).orElseThrow(() -> new NotFoundException("product", id));
            if (current.deleted()) {
                return;
            }
            Product deleted = current.deletedAt(now());
            if (store.update(deleted, current.version(), events.deleted(deleted)) || attempt == 3) {
                return;
            }
        }
    }

    /** A product as its page shows it; a deleted one only to an ADMIN. */
    public ProductDetail get(UUID id) {
        Product product = store.find(id).filter(p -> !p.deleted() || CurrentUser.isAdmin())
                .orElseThrow(() -> new NotFoundException("product", id));
        return detail(product);
    }

    /** A product an admin may change (not deleted); 404 otherwise. */
    public Product live(UUID id) {
        return store.find(id).filter(p -> !p.deleted()).orElseThrow(() -> new NotFoundException("product", id));
    }

    public ProductStore.Page search(ProductSearch search, long offset, int limit) {
        return store.search(search, offset, limit);
    }

    public ProductStore.Facets facets(ProductSearch search) {
        return store.facets(search);
    }

    public LookupResult lookup(List<UUID> ids) {
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new InvalidFieldsException("ids", "must be distinct");
        }
        Map<UUID, Product> found = store.findAll(ids).stream().collect(Collectors.toMap(Product::id, Function.identity()));
        Map<UUID, Category> all = categories.all();
        List<LookupItem> items = new ArrayList<>();
        List<UUID> missing = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            Product product = found.get(id);
            if (product == null) {
                missing.add(id);
                continue;
            }
            items.add(new LookupItem(product.id(), product.sku(), product.name(), product.price(), product.categoryId(),
                    name(all, product.categoryId()), product.mainImage().map(urls::thumbnailUrl).orElse(null), product.stock(),
                    !product.deleted()));
        }
        return new LookupResult(items, missing);
    }

    public int republish() {
        return store.republish(events::current);
    }

    public List<ProductSummary> summaries(List<Product> products) {
        Map<UUID, Category> all = categories.all();
        boolean admin = CurrentUser.isAdmin();
        return products.stream().map(p -> new ProductSummary(p.id(), p.sku(), p.name(), p.price(), p.categoryId(),
                name(all, p.categoryId()), p.brand(), p.year(), p.mainImage().map(urls::url).orElse(null),
                p.mainImage().map(urls::thumbnailUrl).orElse(null), p.stock(), p.stock() > 0, p.createdAt(), p.updatedAt(),
                admin ? p.deletedAt() : null)).toList();
    }

    public ProductDetail detail(Product p) {
        Map<UUID, Category> all = categories.all();
        Category category = all.get(p.categoryId());
        CategoryRef ref = null;
        if (category != null) {
            Category parent = category.parentId() == null ? null : all.get(category.parentId());
            ref = new CategoryRef(category.id(), category.name(), category.slug(),
                    parent == null ? null : new CategoryRef(parent.id(), parent.name(), parent.slug(), null));
        }
        List<ImageView> images = p.images().stream()
                .map(image -> new ImageView(image.id(), urls.url(image), urls.thumbnailUrl(image), image.main(), image.position()))
                .toList();
        return new ProductDetail(p.id(), p.sku(), p.name(), p.price(), p.categoryId(), category == null ? null : category.name(),
                p.brand(), p.year(), p.mainImage().map(urls::url).orElse(null), p.mainImage().map(urls::thumbnailUrl).orElse(null),
                p.stock(), p.stock() > 0, p.createdAt(), p.updatedAt(), CurrentUser.isAdmin() ? p.deletedAt() : null,
                p.description(), p.attributes(), images, ref, p.version());
    }

    private static String name(Map<UUID, Category> all, UUID categoryId) {
        Category category = all.get(categoryId);
        return category == null ? null : category.name();
    }

    static String newSku() {
        StringBuilder sku = new StringBuilder("SKU-");
        for (int i = 0; i < 8; i++) {
            sku.append(CROCKFORD.charAt(RANDOM.nextInt(CROCKFORD.length())));
        }
        return sku.toString();
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
