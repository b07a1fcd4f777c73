package dev.eshop.order.orders;

import dev.eshop.platform.events.order.ChangedByRole;
import dev.eshop.platform.events.order.OrderStatus;
import dev.eshop.platform.web.Ids;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code orders} with their lines, shipments and status history: writes and single-order reads. */
@Repository
public class OrderRepository {

    static final RowMapper<Order> ORDER = (rs, n) -> new Order(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
            rs.getString("customer_email"), rs.getString("customer_name"), OrderStatus.valueOf(rs.getString("status")),
            rs.getString("currency"), rs.getBigDecimal("subtotal"), rs.getBigDecimal("shipping_total"), rs.getBigDecimal("total"),
            new Order.Address(rs.getString("ship_street"), rs.getString("ship_city"), rs.getString("ship_state"),
                    rs.getString("ship_zip_code"), rs.getString("ship_note")),
            instant(rs, "payment_due_at"), rs.getObject("payment_id", UUID.class), rs.getString("payment_status"),
            rs.getString("payment_admin_note"), instant(rs, "payment_updated_at"), instant(rs, "paid_at"),
            instant(rs, "shipped_at"), instant(rs, "delivered_at"), instant(rs, "closed_at"), rs.getString("idempotency_key"),
            rs.getInt("version"), instant(rs, "created_at"), instant(rs, "updated_at"));

    private static final RowMapper<PricedOrder.Line> LINE = (rs, n) -> new PricedOrder.Line(rs.getObject("product_id", UUID.class),
            rs.getString("sku"), rs.getString("product_name"), rs.getObject("category_id", UUID.class),
            rs.getString("category_name"), rs.getString("image_url"), rs.getInt("quantity"), rs.getBigDecimal("unit_price"),
            rs.getBigDecimal("line_total"));

    private static final RowMapper<HistoryEntry> HISTORY = (rs, n) -> new HistoryEntry(
            rs.getString("from_status") == null ? null : OrderStatus.valueOf(rs.getString("from_status")),
            OrderStatus.valueOf(rs.getString("to_status")), rs.getString("reason"), rs.getString("note"),
            rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), ChangedByRole.valueOf(rs.getString("actor_role")),
            instant(rs, "at"));

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the order ({@code PENDING_PAYMENT}, version 1) with its lines and shipments; a unique violation propagates. */
    public void insert(NewOrder order) {
        PricedOrder priced = order.priced();
        Timestamp created = Timestamp.from(order.createdAt());
        jdbc.sql("""
                        INSERT INTO orders (id, user_id, customer_email, customer_name, status, currency, subtotal, shipping_total,
                                            total, ship_street, ship_city, ship_state, ship_zip_code, ship_note, payment_due_at,
                                            idempotency_key, version, created_at, updated_at)
                        VALUES (:id, :user, :email, :name, 'PENDING_PAYMENT', :currency, :subtotal, :shipping, :total, :street, :city,
                                :state, :zip, :note, :due, :key, 1, :created, :created)""")
                .param("id", order.id()).param("user", order.userId()).param("email", order.customerEmail())
                .param("name", order.customerName()).param("currency", PricedOrder.CURRENCY)
                .param("subtotal", priced.subtotal()).param("shipping", priced.shippingTotal()).param("total", priced.total())
                .param("street", order.address().street()).param("city", order.address().city())
                .param("state", order.address().state()).param("zip", order.address().zipCode())
                .param("note", order.address().note()).param("due", Timestamp.from(order.paymentDueAt()))
                .param("key", order.idempotencyKey()).param("created", created)
                .update();
        int position = 0;
        for (PricedOrder.Line line : priced.lines()) {
            jdbc.sql("""
                            INSERT INTO order_lines (id, order_id, position, product_id, sku, product_name, category_id, category_name,
                                                     image_url, quantity, unit_price, line_total)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(Ids.newId(), order.id(), position++, line.productId(), line.sku(), line.productName(), line.categoryId(),
                            line.categoryName(), line.imageUrl(), line.quantity(), line.unitPrice(), line.lineTotal())
                    .update();
        }
        for (PricedOrder.Shipment shipment : priced.shipments()) {
            UUID shipmentId = Ids.newId();
            jdbc.sql("""
                            INSERT INTO order_shipments (id, order_id, warehouse_id, warehouse_name, from_zip, vehicles, shipping_cost)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(shipmentId, order.id(), shipment.warehouseId(), shipment.warehouseName(), shipment.fromZip(),
                            shipment.vehicles(), shipment.shippingCost())
                    .update();
            for (PricedOrder.Item item : shipment.items()) {
                jdbc.sql("INSERT INTO order_shipment_items (shipment_id, product_id, quantity) VALUES (?, ?, ?)")
                        .params(shipmentId, item.productId(), item.quantity()).update();
            }
        }
    }

    /**
     * The guarded status change: {@code UPDATE … WHERE status = from [AND version = expected]}, so of two
     * concurrent changes only one applies. Sets the new status, {@code version} + 1, {@code updated_at}
     * and the given extra columns (fixed column names from the caller, never client input); returns the
     * order as it is afterwards, or empty when the guard did not hold (or the order does not exist).
     */
    public Optional<Order> changeStatus(UUID id, OrderStatus from, OrderStatus to, Integer expectedVersion,
                                        Map<String, Object> columns, Instant now) {
        StringBuilder sql = new StringBuilder("UPDATE orders SET status = :to, version = version + 1, updated_at = :now");
        columns.keySet().forEach(column -> sql.append(", ").append(column).append(" = :").append(column));
        sql.append(" WHERE id = :id AND status = :from");
        if (expectedVersion != null) {
            sql.append(" AND version = :version");
        }
        sql.append(" RETURNING *");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("to", to.name()).param("now", Timestamp.from(now))
                .param("id", id).param("from", from.name());
        if (expectedVersion != null) {
            statement = statement.param("version", expectedVersion);
        }
        for (Map.Entry<String, Object> column : columns.entrySet()) {
            Object value = column.getValue() instanceof Instant instant ? Timestamp.from(instant) : column.getValue();
            statement = statement.param(column.getKey(), value);
        }
        return statement.query(ORDER).optional();
    }

    public void insertHistory(UUID orderId, HistoryEntry entry) {
        jdbc.sql("""
                        INSERT INTO order_status_history (id, order_id, from_status, to_status, reason, note, actor_id, actor_name,
                                                          actor_role, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Ids.newId(), orderId, entry.fromStatus() == null ? null : entry.fromStatus().name(),
                        entry.toStatus().name(), entry.reason(), entry.note(), entry.actorId(), entry.actorName(),
                        entry.actorRole().name(), Timestamp.from(entry.at()))
                .update();
    }

    public Optional<Order> find(UUID id) {
        return jdbc.sql("SELECT * FROM orders WHERE id = ?").param(id).query(ORDER).optional();
    }

    /** The order a user already placed with this Idempotency-Key. */
    public Optional<Order> findByKey(UUID userId, String idempotencyKey) {
        return jdbc.sql("SELECT * FROM orders WHERE user_id = ? AND idempotency_key = ?").params(userId, idempotencyKey)
                .query(ORDER).optional();
    }

    public boolean exists(UUID id) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE id = ?").param(id).query(Integer.class).single() > 0;
    }

    /** The lines in checkout order. */
    public List<PricedOrder.Line> lines(UUID orderId) {
        return jdbc.sql("SELECT * FROM order_lines WHERE order_id = ? ORDER BY position").param(orderId).query(LINE).list();
    }

    /** The shipments, nearest warehouse first (the order the allocation gave them). */
    public List<PricedOrder.Shipment> shipments(UUID orderId) {
        record Row(UUID shipmentId, UUID warehouseId, String warehouseName, String fromZip, int vehicles,
                   java.math.BigDecimal cost, UUID productId, Integer quantity) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT s.id, s.warehouse_id, s.warehouse_name, s.from_zip, s.vehicles, s.shipping_cost, i.product_id, i.quantity
                        FROM order_shipments s LEFT JOIN order_shipment_items i ON i.shipment_id = s.id
                        LEFT JOIN order_lines l ON l.order_id = s.order_id AND l.product_id = i.product_id
                        WHERE s.order_id = ? ORDER BY s.id, l.position""")
                .param(orderId)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getObject("warehouse_id", UUID.class),
                        rs.getString("warehouse_name"), rs.getString("from_zip"), rs.getInt("vehicles"),
                        rs.getBigDecimal("shipping_cost"), rs.getObject("product_id", UUID.class),
                        (Integer) rs.getObject("quantity")))
                .list();
        Map<UUID, List<Row>> byShipment = new LinkedHashMap<>();
        rows.forEach(row -> byShipment.computeIfAbsent(row.shipmentId(), id -> new ArrayList<>()).add(row));
        return byShipment.values().stream().map(group -> {
            Row first = group.getFirst();
            List<PricedOrder.Item> items = group.stream().filter(row -> row.productId() != null)
                    .map(row -> new PricedOrder.Item(row.productId(), row.quantity())).toList();
            return new PricedOrder.Shipment(first.warehouseId(), first.warehouseName(), first.fromZip(), first.vehicles(),
                    first.cost(), items);
        }).toList();
    }

    /** The timeline, oldest first. */
    public List<HistoryEntry> history(UUID orderId) {
        return jdbc.sql("SELECT * FROM order_status_history WHERE order_id = ? ORDER BY at, id").param(orderId).query(HISTORY).list();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
