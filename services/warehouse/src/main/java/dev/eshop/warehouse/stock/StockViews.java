package dev.eshop.warehouse.stock;

import dev.eshop.platform.web.paging.PageQuery;
import dev.eshop.platform.web.paging.PageResult;
import dev.eshop.warehouse.WarehouseSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The stock lists admins read: per (warehouse, product) row, and per product with its warehouses. */
@Repository
class StockViews {

    /** One warehouse's units of one product. */
    record StockRow(UUID warehouseId, String warehouseName, UUID productId, String sku, String productName, int quantity,
                    boolean lowStock, Instant updatedAt) {
    }

    /** A product's stock: units still for sale across warehouses, units held by orders, and where they are. */
    record ProductStock(UUID productId, String sku, String productName, int total, int reserved, boolean lowStock,
                        boolean deleted, List<WarehouseQuantity> warehouses) {
    }

    record WarehouseQuantity(UUID warehouseId, String warehouseName, int quantity) {
    }

    record RowFilter(UUID warehouseId, UUID productId, String q, boolean lowStock, boolean includeDeleted) {
    }

    record ProductFilter(String q, boolean lowStock, boolean includeDeleted) {
    }

    private final JdbcClient jdbc;
    private final WarehouseSettings settings;

    StockViews(JdbcClient jdbc, WarehouseSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    PageResult<StockRow> rows(RowFilter filter, PageQuery page) {
        List<String> where = new ArrayList<>(List.of("w.deleted_at IS NULL"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("threshold", settings.lowStockThreshold());
        if (filter.warehouseId() != null) {
            where.add("s.warehouse_id = :warehouse");
            params.put("warehouse", filter.warehouseId());
        }
        if (filter.productId() != null) {
            where.add("s.product_id = :product");
            params.put("product", filter.productId());
        }
        search(filter.q(), where, params);
        if (filter.lowStock()) {
            where.add("s.quantity < :threshold");
        }
        if (!filter.includeDeleted()) {
            where.add("NOT p.deleted");
        }
        String from = " FROM stock s JOIN warehouses w ON w.id = s.warehouse_id JOIN products p ON p.product_id = s.product_id WHERE "
                + String.join(" AND ", where);
        String order = switch (page.sort().field()) {
            case "quantity" -> "s.quantity";
            default -> "p.name";
        } + (page.sort().ascending() ? " ASC" : " DESC") + ", p.product_id, w.name";
        List<StockRow> items = jdbc.sql("SELECT s.warehouse_id, w.name AS warehouse_name, s.product_id, p.sku, p.name AS product_name, "
                        + "s.quantity, s.quantity < :threshold AS low_stock, s.updated_at" + from + " ORDER BY " + order
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.limit()).param("offset", page.offset())
                .query((rs, n) -> new StockRow(rs.getObject("warehouse_id", UUID.class), rs.getString("warehouse_name"),
                        rs.getObject("product_id", UUID.class), rs.getString("sku"), rs.getString("product_name"),
                        rs.getInt("quantity"), rs.getBoolean("low_stock"), rs.getTimestamp("updated_at").toInstant()))
                .list();
        long total = jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
        return PageResult.of(items, page, total);
    }

    private static final String PRODUCT_TOTALS = """
            SELECT p.product_id, p.sku, p.name, p.deleted,
                   COALESCE((SELECT SUM(s.quantity) FROM stock s WHERE s.product_id = p.product_id), 0) AS total,
                   COALESCE((SELECT SUM(l.quantity) FROM reservation_lines l JOIN reservations r ON r.order_id = l.order_id
                             WHERE l.product_id = p.product_id AND r.status = 'HELD'), 0) AS reserved
            FROM products p""";

    PageResult<ProductStock> products(ProductFilter filter, PageQuery page) {
        List<String> where = new ArrayList<>(List.of("TRUE"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("threshold", settings.lowStockThreshold());
        search(filter.q(), where, params);
        if (!filter.includeDeleted()) {
            where.add("NOT p.deleted");
        }
        String inner = PRODUCT_TOTALS + " WHERE " + String.join(" AND ", where);
        String outer = filter.lowStock() ? " WHERE x.total < :threshold" : "";
        String order = switch (page.sort().field()) {
            case "total" -> "x.total";
            default -> "x.name";
        } + (page.sort().ascending() ? " ASC" : " DESC") + ", x.product_id";
        List<ProductStock> items = withWarehouses(jdbc.sql("SELECT x.* FROM (" + inner + ") x" + outer + " ORDER BY " + order
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.limit()).param("offset", page.offset())
                .query((rs, n) -> productStock(rs.getObject("product_id", UUID.class), rs.getString("sku"), rs.getString("name"),
                        rs.getInt("total"), rs.getInt("reserved"), rs.getBoolean("deleted")))
                .list());
        long total = jdbc.sql("SELECT count(*) FROM (" + inner + ") x" + outer).params(params).query(Long.class).single();
        return PageResult.of(items, page, total);
    }

    Optional<ProductStock> product(UUID productId) {
        return jdbc.sql(PRODUCT_TOTALS + " WHERE p.product_id = :product").param("product", productId)
                .query((rs, n) -> productStock(rs.getObject("product_id", UUID.class), rs.getString("sku"), rs.getString("name"),
                        rs.getInt("total"), rs.getInt("reserved"), rs.getBoolean("deleted")))
                .optional()
                .map(found -> withWarehouses(List.of(found)).getFirst());
    }

    private ProductStock productStock(UUID id, String sku, String name, int total, int reserved, boolean deleted) {
        return new ProductStock(id, sku, name, total, reserved, total < settings.lowStockThreshold(), deleted, List.of());
    }

    private List<ProductStock> withWarehouses(List<ProductStock> products) {
        if (products.isEmpty()) {
            return products;
        }
        record Located(UUID productId, WarehouseQuantity where) {
        }
        Map<UUID, List<WarehouseQuantity>> byProduct = jdbc.sql("""
                        SELECT s.product_id, s.warehouse_id, w.name, s.quantity FROM stock s JOIN warehouses w ON w.id = s.warehouse_id
                        WHERE s.product_id IN (:ids) AND w.deleted_at IS NULL ORDER BY w.is_main DESC, w.name""")
                .param("ids", products.stream().map(ProductStock::productId).toList())
                .query((rs, n) -> new Located(rs.getObject("product_id", UUID.class),
                        new WarehouseQuantity(rs.getObject("warehouse_id", UUID.class), rs.getString("name"), rs.getInt("quantity"))))
                .list().stream()
                .collect(Collectors.groupingBy(Located::productId, Collectors.mapping(Located::where, Collectors.toList())));
        return products.stream().map(p -> new ProductStock(p.productId(), p.sku(), p.productName(), p.total(), p.reserved(),
                p.lowStock(), p.deleted(), byProduct.getOrDefault(p.productId(), List.of()))).toList();
    }

    private static void search(String q, List<String> where, Map<String, Object> params) {
        if (q != null && !q.isBlank()) {
            where.add("(p.sku ILIKE :q OR p.name ILIKE :q)");
            params.put("q", "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
    }
}
