package dev.eshop.order.orders;

import dev.eshop.platform.events.order.OrderStatus;
import dev.eshop.platform.web.paging.PageQuery;
import dev.eshop.platform.web.paging.PageResult;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** The order lists: a customer's own and the admins' (filters, paging, sort). */
@Repository
class OrderQueries {

    /**
     * The filters of a list; null or empty means "any".
     *
     * @param q a full order id, the short order number (its last 8 characters) or part of the customer's e-mail
     */
    record Filter(UUID userId, List<OrderStatus> statuses, LocalDate from, LocalDate to, String q) {
    }

    private static final Pattern SHORT_NUMBER = Pattern.compile("[0-9a-fA-F]{8}");

    private static final RowMapper<OrderSummary> SUMMARY = (rs, n) -> new OrderSummary(rs.getObject("id", UUID.class),
            OrderStatus.valueOf(rs.getString("status")), rs.getBigDecimal("total"), rs.getString("currency"), rs.getInt("line_count"),
            rs.getInt("item_count"), rs.getString("first_item_name"), rs.getString("thumbnail_url"),
            OrderRepository.instant(rs, "payment_due_at"), OrderRepository.instant(rs, "created_at"),
            rs.getObject("user_id", UUID.class), rs.getString("customer_email"), rs.getString("customer_name"));

    private final JdbcClient jdbc;

    OrderQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PageResult<OrderSummary> find(Filter filter, PageQuery page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.userId() != null) {
            where.add("o.user_id = :user");
            params.put("user", filter.userId());
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.add("o.status IN (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).distinct().toList());
        }
        if (filter.from() != null) {
            where.add("o.created_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (filter.to() != null) {
            where.add("o.created_at < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String q = filter.q().strip();
            UUID id = uuid(q);
            if (id != null) {
                where.add("o.id = :id");
                params.put("id", id);
            }
            else {
                String email = "o.customer_email ILIKE :email ESCAPE '\\'";
                params.put("email", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                if (SHORT_NUMBER.matcher(q).matches()) {
                    where.add("(right(o.id::text, 8) = :short OR " + email + ")");
                    params.put("short", q.toLowerCase(Locale.ROOT));
                }
                else {
                    where.add(email);
                }
            }
        }
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        String column = page.sort() != null && page.sort().field().equals("total") ? "o.total" : "o.created_at";
        String direction = page.sort() != null && page.sort().ascending() ? "ASC" : "DESC";
        List<OrderSummary> items = jdbc.sql("""
                        SELECT o.id, o.status, o.total, o.currency, o.payment_due_at, o.created_at, o.user_id, o.customer_email,
                               o.customer_name, agg.line_count, agg.item_count, first_line.product_name AS first_item_name,
                               first_line.image_url AS thumbnail_url
                        FROM orders o
                        CROSS JOIN LATERAL (SELECT count(*) AS line_count, COALESCE(sum(quantity), 0) AS item_count
                                            FROM order_lines WHERE order_id = o.id) agg
                        LEFT JOIN LATERAL (SELECT product_name, image_url FROM order_lines WHERE order_id = o.id
                                           ORDER BY position LIMIT 1) first_line ON true
                        """ + condition + " ORDER BY " + column + " " + direction + ", o.id " + direction
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.limit()).param("offset", page.offset())
                .query(SUMMARY).list();
        long total = jdbc.sql("SELECT count(*) FROM orders o" + condition).params(params).query(Long.class).single();
        return PageResult.of(items, page, total);
    }

    private static UUID uuid(String value) {
        if (value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }
}
