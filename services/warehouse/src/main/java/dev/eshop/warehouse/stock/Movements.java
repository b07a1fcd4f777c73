package dev.eshop.warehouse.stock;

import dev.eshop.platform.web.paging.PageQuery;
import dev.eshop.platform.web.paging.PageResult;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads the movements ledger, with the names of products and warehouses for display. */
@Repository
class Movements {

    /** A ledger entry as admins see it. */
    record Movement(UUID id, MovementType type, UUID productId, String sku, String productName, int quantity,
                    UUID fromWarehouseId, String fromWarehouseName, UUID toWarehouseId, String toWarehouseName,
                    UUID orderId, UUID actorId, String actorName, String note, Instant createdAt) {
    }

    /** The filters of {@code GET /v1/stock-movements}; null means "any". */
    record Filter(List<MovementType> types, UUID productId, UUID warehouseId, UUID orderId, LocalDate from, LocalDate to) {
    }

    private static final String SELECT = """
            SELECT m.id, m.type, m.product_id, p.sku, p.name AS product_name, m.quantity,
                   m.from_warehouse_id, fw.name AS from_name, m.to_warehouse_id, tw.name AS to_name,
                   m.order_id, m.actor_id, m.actor_name, m.note, m.created_at
            FROM stock_movements m
            LEFT JOIN products p ON p.product_id = m.product_id
            LEFT JOIN warehouses fw ON fw.id = m.from_warehouse_id
            LEFT JOIN warehouses tw ON tw.id = m.to_warehouse_id
            """;

    private static final RowMapper<Movement> MOVEMENT = (rs, n) -> new Movement(
            rs.getObject("id", UUID.class), MovementType.valueOf(rs.getString("type")), rs.getObject("product_id", UUID.class),
            rs.getString("sku"), rs.getString("product_name"), rs.getInt("quantity"),
            rs.getObject("from_warehouse_id", UUID.class), rs.getString("from_name"),
            rs.getObject("to_warehouse_id", UUID.class), rs.getString("to_name"),
            rs.getObject("order_id", UUID.class), rs.getObject("actor_id", UUID.class), rs.getString("actor_name"),
            rs.getString("note"), rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;

    Movements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Movement> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE m.id = :id").param("id", id).query(MOVEMENT).optional();
    }

    PageResult<Movement> find(Filter filter, PageQuery page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.types() != null && !filter.types().isEmpty()) {
            where.add("m.type IN (:types)");
            params.put("types", filter.types().stream().map(Enum::name).toList());
        }
        if (filter.productId() != null) {
            where.add("m.product_id = :product");
            params.put("product", filter.productId());
        }
        if (filter.warehouseId() != null) {
            where.add("(m.from_warehouse_id = :warehouse OR m.to_warehouse_id = :warehouse)");
            params.put("warehouse", filter.warehouseId());
        }
        if (filter.orderId() != null) {
            where.add("m.order_id = :order");
            params.put("order", filter.orderId());
        }
        if (filter.from() != null) {
            where.add("m.created_at >= :from");
            params.put("from", java.sql.Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (filter.to() != null) {
            where.add("m.created_at < :to");
            params.put("to", java.sql.Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        String direction = page.sort() != null && page.sort().ascending() ? "ASC" : "DESC";
        List<Movement> items = jdbc.sql(SELECT + condition + " ORDER BY m.created_at " + direction + ", m.id " + direction
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.limit()).param("offset", page.offset())
                .query(MOVEMENT).list();
        long total = jdbc.sql("SELECT count(*) FROM stock_movements m" + condition).params(params).query(Long.class).single();
        return PageResult.of(items, page, total);
    }
}
