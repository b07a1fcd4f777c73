package dev.eshop.payment.payments;

import dev.eshop.payment.payments.PaymentView.OrderSummary;
import dev.eshop.platform.events.order.OrderStatus;
import dev.eshop.platform.events.payment.PaymentStatus;
import dev.eshop.platform.web.paging.PageQuery;
import dev.eshop.platform.web.paging.PageResult;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code payments}, read alone or with the local order copy for the Payment resource. */
@Repository
public class Payments {

    /** The filters of {@code GET /v1/payments}; null (or empty) means "any". */
    public record Filter(UUID userId, List<PaymentStatus> statuses, UUID orderId, LocalDate from, LocalDate to) {
    }

    private static final String COLUMNS = """
            p.id, p.order_id, p.user_id, p.amount, p.status, p.image_key, p.thumbnail_key, p.image_content_type, p.image_size,
            p.customer_note, p.admin_note, p.reviewed_by, p.reviewed_by_name, p.reviewed_at, p.version, p.created_at, p.updated_at""";

    private static final String SELECT = "SELECT " + COLUMNS + " FROM payments p";

    private static final String SELECT_VIEW = "SELECT " + COLUMNS + """
            , o.status AS order_status, o.total AS order_total, o.payment_due_at AS order_payment_due_at
            FROM payments p LEFT JOIN payment_orders o ON o.order_id = p.order_id""";

    private static final RowMapper<Payment> PAYMENT = (rs, n) -> payment(rs);

    private static final RowMapper<PaymentView> VIEW = (rs, n) -> {
        String orderStatus = rs.getString("order_status");
        OrderSummary order = orderStatus == null ? null : new OrderSummary(OrderStatus.valueOf(orderStatus),
                rs.getBigDecimal("order_total"), instant(rs, "order_payment_due_at"));
        return PaymentView.of(payment(rs), order);
    };

    private final JdbcClient jdbc;

    Payments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Payment> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?").param(id.toString()).query(PAYMENT).optional();
    }

    /** The payment, its row locked until the transaction ends. */
    public Optional<Payment> lock(UUID id) {
        return jdbc.sql(SELECT + " WHERE p.id = ? FOR UPDATE").param(id.toString()).query(PAYMENT).optional();
    }

    /** The order's payment if it is still PENDING, its row locked until the transaction ends. */
    public Optional<Payment> lockPendingOfOrder(UUID orderId) {
        return jdbc.sql(SELECT + " WHERE p.order_id = ? AND p.status = 'PENDING' FOR UPDATE").param(orderId.toString())
                .query(PAYMENT).optional();
    }

    public boolean existsForOrder(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM payments WHERE order_id = ?").param(orderId.toString()).query(Integer.class).single() > 0;
    }

    /** Inserts a new payment; a second one for the same order breaks the unique key ({@code DuplicateKeyException}). */
    public void insert(Payment p) {
        jdbc.sql("""
                        INSERT INTO payments (id, order_id, user_id, amount, status, image_key, thumbnail_key, image_content_type,
                                              image_size, customer_note, admin_note, reviewed_by, reviewed_by_name, reviewed_at,
                                              version, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id().toString(), p.orderId().toString(), p.userId().toString(), p.amount(), p.status().name(), p.imageKey(),
                        p.thumbnailKey(), p.imageContentType(), p.imageSize(), p.customerNote(), p.adminNote(), text(p.reviewedBy()),
                        p.reviewedByName(), utc(p.reviewedAt()), p.version(), utc(p.createdAt()), utc(p.updatedAt()))
                .update();
    }

    /** Stores a decision on a PENDING payment; false when it was no longer PENDING. */
    boolean decide(Payment decided) {
        return jdbc.sql("""
                        UPDATE payments SET status = ?, admin_note = ?, reviewed_by = ?, reviewed_by_name = ?, reviewed_at = ?,
                                            version = ?, updated_at = ?
                        WHERE id = ? AND status = 'PENDING'""")
                .params(decided.status().name(), decided.adminNote(), text(decided.reviewedBy()), decided.reviewedByName(),
                        utc(decided.reviewedAt()), decided.version(), utc(decided.updatedAt()), decided.id().toString())
                .update() == 1;
    }

    public Optional<PaymentView> view(UUID id) {
        return jdbc.sql(SELECT_VIEW + " WHERE p.id = ?").param(id.toString()).query(VIEW).optional();
    }

    /** A page of payments, newest first unless the query asks for {@code created_at,asc}. */
    public PageResult<PaymentView> find(Filter filter, PageQuery page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.userId() != null) {
            where.add("p.user_id = :user");
            params.put("user", filter.userId().toString());
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.add("p.status IN (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).distinct().toList());
        }
        if (filter.orderId() != null) {
            where.add("p.order_id = :order");
            params.put("order", filter.orderId().toString());
        }
        if (filter.from() != null) {
            where.add("p.created_at >= :from");
            params.put("from", filter.from().atStartOfDay());
        }
        if (filter.to() != null) {
            where.add("p.created_at < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay());
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        String direction = page.sort() != null && page.sort().ascending() ? "ASC" : "DESC";
        List<PaymentView> items = jdbc.sql(SELECT_VIEW + condition + " ORDER BY p.created_at " + direction + ", p.id " + direction
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.limit()).param("offset", page.offset())
                .query(VIEW).list();
        long total = jdbc.sql("SELECT count(*) FROM payments p" + condition).params(params).query(Long.class).single();
        return PageResult.of(items, page, total);
    }

    private static Payment payment(ResultSet rs) throws SQLException {
        String reviewedBy = rs.getString("reviewed_by");
        return new Payment(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("order_id")),
                UUID.fromString(rs.getString("user_id")), PaymentStatus.valueOf(rs.getString("status")), rs.getBigDecimal("amount"),
                rs.getString("image_key"), rs.getString("thumbnail_key"), rs.getString("image_content_type"), rs.getInt("image_size"),
                rs.getString("customer_note"), rs.getString("admin_note"), reviewedBy == null ? null : UUID.fromString(reviewedBy),
                rs.getString("reviewed_by_name"), instant(rs, "reviewed_at"), rs.getInt("version"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    /** DATETIME(6) columns hold UTC wall-clock time, whatever the JVM's or the connection's time zone. */
    public static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
