package dev.eshop.warehouse.site;

import dev.eshop.platform.web.paging.PageQuery;
import dev.eshop.platform.web.paging.PageResult;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The {@code warehouses} table, with each warehouse's count of products and units in stock. */
@Repository
class WarehouseRepository {

    /** A warehouse as admins see it. */
    record Warehouse(UUID id, String name, String street, String city, String state, String zipCode, boolean isMain,
                     int productCount, long totalUnits, Instant createdAt, Instant updatedAt) {
    }

    /** The answer of {@code GET /v1/warehouses/nearest}; {@code available} is null when no product was asked about. */
    record Nearest(UUID warehouseId, String name, String zipCode, int distance, Integer available) {
    }

    private static final String SELECT = """
            SELECT w.id, w.name, w.street, w.city, w.state, w.zip_code, w.is_main, w.created_at, w.updated_at,
                   (SELECT count(*) FROM stock s WHERE s.warehouse_id = w.id AND s.quantity > 0) AS product_count,
                   (SELECT COALESCE(SUM(s.quantity), 0) FROM stock s WHERE s.warehouse_id = w.id) AS total_units
            FROM warehouses w""";

    private static final RowMapper<Warehouse> WAREHOUSE = (rs, n) -> new Warehouse(rs.getObject("id", UUID.class),
            rs.getString("name"), rs.getString("street"), rs.getString("city"), rs.getString("state"), rs.getString("zip_code"),
            rs.getBoolean("is_main"), rs.getInt("product_count"), rs.getLong("total_units"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());

    private final JdbcClient jdbc;

    WarehouseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serializes changes of the set of warehouses (see {@code InitialStock.WAREHOUSE_SET_LOCK}). */
    void lockWarehouseSet(long key) {
        jdbc.sql("SELECT true FROM pg_advisory_xact_lock(?)").param(key).query(Boolean.class).single();
    }

    Optional<Warehouse> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE w.id = ? AND w.deleted_at IS NULL").param(id).query(WAREHOUSE).optional();
    }

    PageResult<Warehouse> list(boolean includeDeleted, PageQuery page) {
        String where = includeDeleted ? "" : " WHERE w.deleted_at IS NULL";
        String order = ("zip_code".equals(page.sort().field()) ? "w.zip_code" : "lower(w.name)")
                + (page.sort().ascending() ? " ASC" : " DESC") + ", w.id";
        var items = jdbc.sql(SELECT + where + " ORDER BY " + order + " LIMIT ? OFFSET ?")
                .params(page.limit(), page.offset()).query(WAREHOUSE).list();
        long total = jdbc.sql("SELECT count(*) FROM warehouses w" + where).query(Long.class).single();
        return PageResult.of(items, page, total);
    }

    boolean nameTaken(String name, UUID except) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM warehouses WHERE lower(name) = lower(?) AND deleted_at IS NULL AND id <> ?)")
                .params(name, except).query(Boolean.class).single();
    }

    boolean anyActive() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM warehouses WHERE deleted_at IS NULL)").query(Boolean.class).single();
    }

    void insert(UUID id, WarehouseRequest request, boolean main) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        INSERT INTO warehouses (id, name, street, city, state, zip_code, is_main, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, request.name(), request.street(), request.city(), request.state(), request.zipCode(), main, now, now)
                .update();
    }

    void update(UUID id, WarehouseRequest request) {
        jdbc.sql("UPDATE warehouses SET name = ?, street = ?, city = ?, state = ?, zip_code = ?, updated_at = ? WHERE id = ?")
                .params(request.name(), request.street(), request.city(), request.state(), request.zipCode(),
                        Timestamp.from(Instant.now()), id)
                .update();
    }

    void makeMain(UUID id) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("UPDATE warehouses SET is_main = false, updated_at = ? WHERE is_main AND id <> ? AND deleted_at IS NULL")
                .params(now, id).update();
        jdbc.sql("UPDATE warehouses SET is_main = true, updated_at = ? WHERE id = ? AND NOT is_main").params(now, id).update();
    }

    boolean holdsStock(UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM stock WHERE warehouse_id = ? AND quantity > 0)").param(id)
                .query(Boolean.class).single();
    }

    boolean hasHeldReservations(UUID id) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM reservation_lines l JOIN reservations r ON r.order_id = l.order_id
                                       WHERE l.warehouse_id = ? AND r.status = 'HELD')""")
                .param(id).query(Boolean.class).single();
    }

    void softDelete(UUID id) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("UPDATE warehouses SET deleted_at = ?, updated_at = ? WHERE id = ?").params(now, now, id).update();
    }

    /** The nearest warehouse to a zip code (then the main one, then by id), only among those with the product in stock if one is given. */
    Optional<Nearest> nearest(String zipCode, UUID productId) {
        int zip = Integer.parseInt(zipCode);
        if (productId == null) {
            return jdbc.sql("""
                            SELECT id, name, zip_code, abs(zip_code::int - :zip) AS distance FROM warehouses
                            WHERE deleted_at IS NULL ORDER BY distance, is_main DESC, id LIMIT 1""")
                    .param("zip", zip)
                    .query((rs, n) -> new Nearest(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("zip_code"),
                            rs.getInt("distance"), null))
                    .optional();
        }
        return jdbc.sql("""
                        SELECT w.id, w.name, w.zip_code, abs(w.zip_code::int - :zip) AS distance, s.quantity
                        FROM warehouses w JOIN stock s ON s.warehouse_id = w.id
                        JOIN products p ON p.product_id = s.product_id AND NOT p.deleted
                        WHERE w.deleted_at IS NULL AND s.product_id = :product AND s.quantity > 0
                        ORDER BY distance, w.is_main DESC, w.id LIMIT 1""")
                .param("zip", zip).param("product", productId)
                .query((rs, n) -> new Nearest(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("zip_code"),
                        rs.getInt("distance"), rs.getInt("quantity")))
                .optional();
    }
}
