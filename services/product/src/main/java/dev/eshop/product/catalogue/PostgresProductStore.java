package dev.eshop.product.catalogue;

import dev.eshop.platform.events.Event;
import dev.eshop.platform.events.outbox.Outbox;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The default product store: {@code products} and {@code product_images} in PostgreSQL, each change in
 * one transaction with its outbox row. {@code q} uses the trigram index on the generated
 * {@code search_text}; filters and sorts use B-tree indexes.
 */
@Repository
@ConditionalOnExpression("'${eshop.product.store:postgresql}' != 'dynamodb'")
class PostgresProductStore implements ProductStore {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private static final String COLUMNS = "id, sku, name, description, price, category_id, attributes::text AS attributes, stock, "
            + "stock_version, version, created_at, updated_at, deleted_at";

    private final JdbcClient jdbc;
    private final Outbox outbox;

    PostgresProductStore(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    @Transactional
    public void insert(Product product, Event event) {
        try {
            jdbc.sql("""
                    INSERT INTO products (id, sku, name, description, price, category_id, attributes, stock, stock_version,
                                          version, created_at, updated_at, deleted_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""")
                    .params(product.id(), product.sku(), product.name(), product.description(), product.price(),
                            product.categoryId(), JSON.writeValueAsString(product.attributes()), product.stock(),
                            product.stockVersion(), product.version(), ts(product.createdAt()), ts(product.updatedAt()),
                            ts(product.deletedAt()))
                    .update();
        }
        catch (DuplicateKeyException e) {
            if (e.getMessage() != null && e.getMessage().contains("sku")) {
                throw new SkuTakenException(product.sku());
            }
            throw e;
        }
        insertImages(product);
        outbox.add(event);
    }

    @Override
    @Transactional
    public boolean update(Product product, long expectedVersion, Event event) {
        int updated = jdbc.sql("""
                UPDATE products SET name = ?, description = ?, price = ?, category_id = ?, attributes = ?::jsonb, stock = ?,
                       stock_version = ?, version = ?, updated_at = ?, deleted_at = ?
                 WHERE id = ? AND version = ?""")
                .params(product.name(), product.description(), product.price(), product.categoryId(),
                        JSON.writeValueAsString(product.attributes()), product.stock(), product.stockVersion(), product.version(),
                        ts(product.updatedAt()), ts(product.deletedAt()), product.id(), expectedVersion)
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM product_images WHERE product_id = ?").param(product.id()).update();
        insertImages(product);
        if (event != null) {
            outbox.add(event);
        }
        return true;
    }

    private void insertImages(Product product) {
        for (Product.Image image : product.images()) {
            jdbc.sql("""
                    INSERT INTO product_images (id, product_id, object_key, thumbnail_key, content_type, size_bytes, width, height,
                                                main, position, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(image.id(), product.id(), image.objectKey(), image.thumbnailKey(), image.contentType(), image.sizeBytes(),
                            image.width(), image.height(), image.main(), image.position(), ts(image.createdAt()))
                    .update();
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Product> find(UUID id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Product> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withImages(jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE id IN (" + placeholders(ids.size()) + ")")
                .params(new ArrayList<>(ids)).query(this::row).list());
    }

    @Override
    @Transactional(readOnly = true)
    public Page search(ProductSearch search, long offset, int limit) {
        Where where = where(search);
        long total = jdbc.sql("SELECT count(*) FROM products WHERE " + where.sql).params(where.params).query(Long.class).single();
        if (total == 0 || offset >= total) {
            return new Page(List.of(), total);
        }
        List<Object> params = new ArrayList<>(where.params);
        params.add(limit);
        params.add(offset);
        List<Product> items = jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE " + where.sql + " ORDER BY " + orderBy(search.sort())
                        + " LIMIT ? OFFSET ?")
                .params(params).query(this::row).list();
        return new Page(withImages(items), total);
    }

    @Override
    @Transactional(readOnly = true)
    public Facets facets(ProductSearch search) {
        Where where = where(search.withoutBrandAndYear());
        List<BrandCount> brands = jdbc.sql("SELECT min(brand) AS name, count(*) AS n FROM products WHERE " + where.sql
                        + " AND brand IS NOT NULL GROUP BY lower(brand) ORDER BY lower(brand)")
                .params(where.params).query((rs, n) -> new BrandCount(rs.getString("name"), rs.getLong("n"))).list();
        return jdbc.sql("SELECT min(price) AS pmin, max(price) AS pmax, min(model_year) AS ymin, max(model_year) AS ymax FROM products WHERE "
                        + where.sql)
                .params(where.params)
                .query((rs, n) -> new Facets(brands, rs.getBigDecimal("pmin"), rs.getBigDecimal("pmax"),
                        (Integer) rs.getObject("ymin"), (Integer) rs.getObject("ymax")))
                .single();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Long> countByCategory(boolean includeDeleted) {
        Map<UUID, Long> counts = new HashMap<>();
        jdbc.sql("SELECT category_id, count(*) AS n FROM products" + (includeDeleted ? "" : " WHERE deleted_at IS NULL")
                        + " GROUP BY category_id")
                .query(rs -> {
                    counts.put(rs.getObject("category_id", UUID.class), rs.getLong("n"));
                });
        return counts;
    }

    @Override
    @Transactional
    public int republish(Function<Product, Event> eventOf) {
        List<UUID> ids = jdbc.sql("SELECT id FROM products ORDER BY id").query(UUID.class).list();
        int count = 0;
        for (int from = 0; from < ids.size(); from += 200) {
            for (Product product : findAll(ids.subList(from, Math.min(ids.size(), from + 200)))) {
                outbox.add(eventOf.apply(product));
                count++;
            }
        }
        return count;
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(ProductSearch search) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!search.includeDeleted()) {
            conditions.add("deleted_at IS NULL");
        }
        for (String word : search.words()) {
            // The trigram index serves words of three letters or more; a shorter word would make it read
            // every entry, so it is checked on the rows the other conditions find (strpos is not indexed).
            String substring;
            if (word.length() >= 3) {
                substring = "search_text LIKE ? ESCAPE '\\'";
                params.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
            else {
                substring = "strpos(search_text, ?) > 0";
                params.add(word);
            }
            // Generated SKUs all start with "SKU-": only such a word can equal one.
            if (word.startsWith("sku-")) {
                conditions.add("(" + substring + " OR lower(sku) = ?)");
                params.add(word);
            }
            else {
                conditions.add(substring);
            }
        }
        if (search.categoryIds() != null) {
            if (search.categoryIds().isEmpty()) {
                conditions.add("false");
            }
            else {
                conditions.add("category_id IN (" + placeholders(search.categoryIds().size()) + ")");
                params.addAll(search.categoryIds());
            }
        }
        if (search.minPrice() != null) {
            conditions.add("price >= ?");
            params.add(search.minPrice());
        }
        if (search.maxPrice() != null) {
            conditions.add("price <= ?");
            params.add(search.maxPrice());
        }
        if (!search.brands().isEmpty()) {
            conditions.add("lower(brand) IN (" + placeholders(search.brands().size()) + ")");
            params.addAll(search.brands());
        }
        if (search.yearMin() != null) {
            conditions.add("model_year >= ?");
            params.add(search.yearMin());
        }
        if (search.yearMax() != null) {
            conditions.add("model_year <= ?");
            params.add(search.yearMax());
        }
        if (search.inStock() != null) {
            conditions.add(search.inStock() ? "stock > 0" : "stock = 0");
        }
        return new Where(conditions.isEmpty() ? "true" : String.join(" AND ", conditions), params);
    }

    private static String orderBy(ProductSearch.Sort sort) {
        return switch (sort) {
            case NEWEST -> "created_at DESC, id DESC";
            case PRICE_ASC -> "price ASC, id ASC";
            case PRICE_DESC -> "price DESC, id DESC";
            case NAME_ASC -> "lower(name) ASC, id ASC";
            case NAME_DESC -> "lower(name) DESC, id DESC";
        };
    }

    private List<Product> withImages(List<Product> products) {
        if (products.isEmpty()) {
            return products;
        }
        Map<UUID, List<Product.Image>> images = jdbc.sql("SELECT * FROM product_images WHERE product_id IN ("
                        + placeholders(products.size()) + ") ORDER BY position")
                .params(products.stream().map(Product::id).map(Object.class::cast).toList())
                .query((rs, n) -> Map.entry(rs.getObject("product_id", UUID.class), new Product.Image(
                        rs.getObject("id", UUID.class), rs.getString("object_key"), rs.getString("thumbnail_key"),
                        rs.getString("content_type"), rs.getInt("size_bytes"), rs.getInt("width"), rs.getInt("height"),
                        rs.getBoolean("main"), rs.getInt("position"), instant(rs, "created_at"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return products.stream().map(p -> new Product(p.id(), p.sku(), p.name(), p.description(), p.price(), p.categoryId(),
                p.attributes(), images.getOrDefault(p.id(), List.of()), p.stock(), p.stockVersion(), p.version(), p.createdAt(),
                p.updatedAt(), p.deletedAt())).toList();
    }

    private Product row(ResultSet rs, int n) throws SQLException {
        return new Product(rs.getObject("id", UUID.class), rs.getString("sku"), rs.getString("name"), rs.getString("description"),
                rs.getBigDecimal("price").setScale(2), rs.getObject("category_id", UUID.class),
                JSON.readValue(rs.getString("attributes"), MAP), List.of(), rs.getInt("stock"), rs.getLong("stock_version"),
                rs.getLong("version"), instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "deleted_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

}
