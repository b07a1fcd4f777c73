package dev.eshop.warehouse.reservation;

import dev.eshop.warehouse.reservation.Allocation.Candidate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code reservations} and {@code reservation_lines}, and the unlocked reads a dry-run plan needs. */
@Repository
class ReservationRepository {

    record Reservation(UUID orderId, UUID userId, String zipCode, ReservationStatus status, ReleaseReason releaseReason,
                       Instant createdAt, Instant updatedAt) {
    }

    /** What a reservation took from one warehouse. */
    record StoredLine(UUID warehouseId, String warehouseName, String warehouseZip, boolean main, UUID productId, int quantity) {
    }

    record CatalogEntry(UUID productId, String name, boolean deleted) {
    }

    private static final RowMapper<Reservation> RESERVATION = (rs, n) -> new Reservation(rs.getObject("order_id", UUID.class),
            rs.getObject("user_id", UUID.class), rs.getString("zip_code"), ReservationStatus.valueOf(rs.getString("status")),
            rs.getString("release_reason") == null ? null : ReleaseReason.valueOf(rs.getString("release_reason")),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());

    private final JdbcClient jdbc;

    ReservationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a HELD reservation; false when the order already has one. A concurrent twin for the same
     * order waits here on the primary key until the first commits (then false) or rolls back (then true).
     */
    boolean insertHeld(UUID orderId, UUID userId, String zipCode) {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.sql("""
                        INSERT INTO reservations (order_id, user_id, zip_code, status, created_at, updated_at)
                        VALUES (?, ?, ?, 'HELD', ?, ?) ON CONFLICT (order_id) DO NOTHING""")
                .params(orderId, userId, zipCode, now, now).update() == 1;
    }

    /** A RELEASED reservation without lines for an order never reserved, so a late reserve for it is refused. */
    boolean insertTombstone(UUID orderId, ReleaseReason reason) {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.sql("""
                        INSERT INTO reservations (order_id, status, release_reason, created_at, updated_at)
                        VALUES (?, 'RELEASED', ?, ?, ?) ON CONFLICT (order_id) DO NOTHING""")
                .params(orderId, reason.name(), now, now).update() == 1;
    }

    Optional<Reservation> find(UUID orderId) {
        return jdbc.sql("SELECT * FROM reservations WHERE order_id = ?").param(orderId).query(RESERVATION).optional();
    }

    Optional<Reservation> lock(UUID orderId) {
        return jdbc.sql("SELECT * FROM reservations WHERE order_id = ? FOR UPDATE").param(orderId).query(RESERVATION).optional();
    }

    void insertLine(UUID orderId, UUID warehouseId, UUID productId, int quantity) {
        jdbc.sql("INSERT INTO reservation_lines (order_id, warehouse_id, product_id, quantity) VALUES (?, ?, ?, ?)")
                .params(orderId, warehouseId, productId, quantity).update();
    }

    /** The reservation's lines in (product id, warehouse id) order: the order stock rows are locked in. */
    List<StoredLine> lines(UUID orderId) {
        return jdbc.sql("""
                        SELECT l.warehouse_id, w.name, w.zip_code, w.is_main, l.product_id, l.quantity
                        FROM reservation_lines l JOIN warehouses w ON w.id = l.warehouse_id
                        WHERE l.order_id = ? ORDER BY l.product_id, l.warehouse_id""")
                .param(orderId)
                .query((rs, n) -> new StoredLine(rs.getObject("warehouse_id", UUID.class), rs.getString("name"),
                        rs.getString("zip_code"), rs.getBoolean("is_main"), rs.getObject("product_id", UUID.class),
                        rs.getInt("quantity")))
                .list();
    }

    void setStatus(UUID orderId, ReservationStatus status, ReleaseReason reason) {
        jdbc.sql("UPDATE reservations SET status = ?, release_reason = ?, updated_at = ? WHERE order_id = ?")
                .params(status.name(), reason == null ? null : reason.name(), Timestamp.from(Instant.now()), orderId).update();
    }

    /** The known ones among these products, without locking them. */
    Map<UUID, CatalogEntry> catalog(Collection<UUID> productIds) {
        return jdbc.sql("SELECT product_id, name, deleted FROM products WHERE product_id IN (:ids)")
                .param("ids", List.copyOf(productIds))
                .query((rs, n) -> new CatalogEntry(rs.getObject("product_id", UUID.class), rs.getString("name"),
                        rs.getBoolean("deleted")))
                .list().stream().collect(Collectors.toMap(CatalogEntry::productId, Function.identity()));
    }

    /** Stock of these products in warehouses that are not deleted, without locking it. */
    List<Candidate> candidates(Collection<UUID> productIds) {
        return jdbc.sql("""
                        SELECT s.warehouse_id, w.name, w.zip_code, w.is_main, s.product_id, s.quantity
                        FROM stock s JOIN warehouses w ON w.id = s.warehouse_id
                        WHERE s.product_id IN (:ids) AND w.deleted_at IS NULL AND s.quantity > 0""")
                .param("ids", List.copyOf(productIds))
                .query((rs, n) -> new Candidate(rs.getObject("warehouse_id", UUID.class), rs.getString("name"),
                        rs.getString("zip_code"), rs.getBoolean("is_main"), rs.getObject("product_id", UUID.class),
                        rs.getInt("quantity")))
                .list();
    }
}
