package dev.eshop.product.category;

import dev.eshop.platform.web.Ids;
import dev.eshop.platform.web.problem.DuplicateException;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import dev.eshop.platform.web.problem.InvalidStateException;
import dev.eshop.platform.web.problem.NotFoundException;
import dev.eshop.platform.web.problem.RuleViolatedException;
import dev.eshop.product.catalogue.ProductStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The category tree: two levels, its rules, and the views with product counts. */
@Service
public class Categories {

    private final CategoryRepository repository;
    private final ProductStore products;

    Categories(CategoryRepository repository, ProductStore products) {
        this.repository = repository;
        this.products = products;
    }

    public Optional<Category> find(UUID id) {
        return repository.find(id);
    }

    public Map<UUID, Category> all() {
        Map<UUID, Category> all = new java.util.LinkedHashMap<>();
        repository.findAll().forEach(category -> all.put(category.id(), category));
        return all;
    }

    /** A category id or slug; for a top category also its children (what a listing's {@code category} filter covers). */
    public Optional<Set<UUID>> withChildren(String idOrSlug) {
        return resolve(idOrSlug).map(category -> {
            Set<UUID> ids = new HashSet<>();
            ids.add(category.id());
            if (category.top()) {
                repository.findAll().stream().filter(c -> category.id().equals(c.parentId())).forEach(c -> ids.add(c.id()));
            }
            return ids;
        });
    }

    /** A child category to put a product in: 404 when unknown, 422 {@code category-not-leaf} for a top one. */
    public Category leaf(UUID id) {
        Category category = repository.find(id).orElseThrow(() -> new NotFoundException("category", id));
        if (category.top()) {
            throw new RuleViolatedException("category-not-leaf",
                    "Products go into a sub-category; '" + category.name() + "' is a top-level category.");
        }
        return category;
    }

    public List<CategoryView> tree() {
        List<Category> all = repository.findAll();
        Map<UUID, Long> counts = products.countByCategory(false);
        return all.stream().filter(Category::top).map(top -> view(top, all, counts)).toList();
    }

    public CategoryView get(String idOrSlug) {
        Category category = resolve(idOrSlug).orElseThrow(() -> new NotFoundException("No category '" + idOrSlug + "' exists."));
        return view(category, repository.findAll(), products.countByCategory(false));
    }

    @Transactional
    public CategoryView create(CategoryRequest request) {
        UUID parentId = request.parentId();
        if (parentId != null) {
            Category parent = repository.find(parentId).orElseThrow(() -> new NotFoundException("category", parentId));
            if (!parent.top()) {
                throw tooDeep("'" + parent.name() + "' is a sub-category already; categories have two levels.");
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Category category = new Category(Ids.newId(), request.name(), slug(request), parentId,
                request.position() == null ? 0 : request.position(), now, now);
        save(() -> repository.insert(category));
        return get(category.id().toString());
    }

    @Transactional
    public CategoryView update(UUID id, CategoryRequest request) {
        Category current = repository.find(id).orElseThrow(() -> new NotFoundException("category", id));
        UUID parentId = request.parentId();
        if (parentId != null) {
            if (parentId.equals(id)) {
                throw tooDeep("A category cannot be its own parent.");
            }
            Category parent = repository.find(parentId).orElseThrow(() -> new NotFoundException("category", parentId));
            if (!parent.top()) {
                throw tooDeep("'" + parent.name() + "' is a sub-category already; categories have two levels.");
            }
            if (repository.hasChildren(id)) {
                throw tooDeep("'" + current.name() + "' has sub-categories, so it cannot get a parent.");
            }
        }
        else if (!current.top() && products.countByCategory(true).getOrDefault(id, 0L) > 0) {
            throw new RuleViolatedException("has-products",
                    "'" + current.name() + "' holds products, so it cannot become a top-level category.");
        }
        Category changed = new Category(id, request.name(), slug(request), parentId,
                request.position() == null ? current.position() : request.position(), current.createdAt(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        save(() -> repository.update(changed));
        return get(id.toString());
    }

    @Transactional
    public void delete(UUID id) {
        Category category = repository.find(id).orElseThrow(() -> new NotFoundException("category", id));
        if (repository.hasChildren(id)) {
            throw new InvalidStateException(null, "The category '" + category.name() + "' has sub-categories; delete or move them first.");
        }
        if (products.countByCategory(true).getOrDefault(id, 0L) > 0) {
            throw new InvalidStateException(null, "The category '" + category.name()
                    + "' has products (deleted ones count too); rename the category instead.");
        }
        repository.delete(id);
    }

    private Optional<Category> resolve(String idOrSlug) {
        try {
            return repository.find(UUID.fromString(idOrSlug));
        }
        catch (IllegalArgumentException notAnId) {
            return repository.findBySlug(idOrSlug.toLowerCase(Locale.ROOT));
        }
    }

    private static CategoryView view(Category category, List<Category> all, Map<UUID, Long> counts) {
        List<CategoryView> children = category.top() ? all.stream()
                .filter(c -> category.id().equals(c.parentId()))
                .sorted(Comparator.comparingInt(Category::position).thenComparing(c -> c.name().toLowerCase(Locale.ROOT)))
                .map(child -> view(child, all, counts)).toList() : List.of();
        long count = counts.getOrDefault(category.id(), 0L) + children.stream().mapToLong(CategoryView::productCount).sum();
        return new CategoryView(category.id(), category.name(), category.slug(), category.parentId(), category.position(), count, children);
    }

    private static String slug(CategoryRequest request) {
        if (request.slug() != null) {
            return request.slug();
        }
        String slug = Normalizer.normalize(request.name(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            throw new InvalidFieldsException("slug", "is needed: no slug can be made from this name");
        }
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    }

    private static void save(Runnable write) {
        try {
            write.run();
        }
        catch (DuplicateKeyException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("categories_slug_key")) {
                throw new DuplicateException("slug", "Another category has this slug.");
            }
            throw new DuplicateException("name", "A category with this name exists at the same level.");
        }
    }

    private static RuleViolatedException tooDeep(String detail) {
        return new RuleViolatedException("too-deep", detail);
    }
}
