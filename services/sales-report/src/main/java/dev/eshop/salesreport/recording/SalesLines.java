package dev.eshop.salesreport.recording;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/** Writes {@code sales_lines}; a line whose (order, product) is already there is left as it is. */
@Repository
class SalesLines {

    private static final RowMapper<RecordedLine> LINE = (rs, n) -> new RecordedLine(rs.getObject("id", UUID.class),
            rs.getObject("order_id", UUID.class), rs.getObject("user_id", UUID.class), rs.getObject("product_id", UUID.class),
            rs.getString("product_name"), rs.getObject("category_id", UUID.class), rs.getString("category_name"),
            rs.getInt("quantity"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("line_total"), rs.getBigDecimal("margin_rate"),
            rs.getBigDecimal("margin"), rs.getTimestamp("paid_at").toInstant(), rs.getTimestamp("recorded_at").toInstant());

    private final JdbcClient jdbc;

    SalesLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The lines already recorded for an order (none, unless the order's sale came before). */
    List<RecordedLine> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT * FROM sales_lines WHERE order_id = ? ORDER BY product_id").param(orderId).query(LINE).list();
    }

    /** Inserts the line unless its (order, product) is recorded already; true when it was inserted. */
    boolean insert(RecordedLine line) {
        return jdbc.sql("""
                        INSERT INTO sales_lines (id, order_id, user_id, product_id, product_name, category_id, category_name, quantity,
                                                 unit_price, line_total, margin_rate, margin, paid_at, recorded_at)
                        VALUES (:id, :order, :user, :product, :productName, :category, :categoryName, :quantity,
                                :unitPrice, :lineTotal, :marginRate, :margin, :paidAt, :recordedAt)
                        ON CONFLICT (order_id, product_id) DO NOTHING""")
                .param("id", line.id()).param("order", line.orderId()).param("user", line.userId())
                .param("product", line.productId()).param("productName", line.productName())
                .param("category", line.categoryId()).param("categoryName", line.categoryName())
                .param("quantity", line.quantity()).param("unitPrice", line.unitPrice()).param("lineTotal", line.lineTotal())
                .param("marginRate", line.marginRate()).param("margin", line.margin())
                .param("paidAt", Timestamp.from(line.paidAt())).param("recordedAt", Timestamp.from(line.recordedAt()))
                .update() == 1;
    }
}
