package dev.eshop.salesreport.report;

import dev.eshop.platform.web.paging.PageQuery;
import dev.eshop.platform.web.paging.PageResult;
import dev.eshop.platform.web.paging.SortOrder;
import dev.eshop.salesreport.report.ReportParameters.TopBy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The report figures. Summary, time series, categories, top products and the lists' counts come from the
 * daily rollups (a few rows per day, whatever the number of lines); lines themselves are read only for
 * the pages of the list and the exports, through the indexes on {@code paid_at}, category, product and
 * {@code line_total}.
 */
@Repository
public class ReportQueries {

    public static final String CURRENCY = "USD";

    private static final BigDecimal NO_MONEY = BigDecimal.ZERO.setScale(2);

    private static final BigDecimal NO_SHARE = BigDecimal.ZERO.setScale(4);

    private static final RowMapper<SaleLine> LINE = (rs, n) -> line(rs);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;

    ReportQueries(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        // In a transaction PostgreSQL's driver then reads the rows through a cursor, this many at a time.
        template.setFetchSize(1_000);
        this.streaming = new NamedParameterJdbcTemplate(template);
    }

    public Summary summary(ReportPeriod period) {
        return jdbc.sql("""
                        SELECT coalesce(sum(revenue), 0) AS revenue, coalesce(sum(orders), 0) AS orders,
                               coalesce(sum(units), 0) AS units, coalesce(sum(margin), 0) AS margin
                        FROM sales_daily WHERE day BETWEEN :from AND :to""")
                .param("from", period.from()).param("to", period.to())
                .query((rs, n) -> summary(period, rs.getBigDecimal("revenue"), rs.getLong("orders"), rs.getLong("units"),
                        rs.getBigDecimal("margin")))
                .single();
    }

    /** The summary of figures already added up; average order value = revenue / orders, half-up to cents. */
    public static Summary summary(ReportPeriod period, BigDecimal revenue, long orders, long units, BigDecimal margin) {
        BigDecimal average = orders == 0 ? NO_MONEY : revenue.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP);
        return new Summary(period.from(), period.to(), CURRENCY, money(revenue), orders, units, average, money(margin));
    }

    public TimeSeries timeSeries(ReportPeriod period, Granularity granularity) {
        Map<LocalDate, Figures> points = new TreeMap<>();
        for (LocalDate start = granularity.start(period.from()); !start.isAfter(period.to()); start = granularity.next(start)) {
            points.put(start, new Figures());
        }
        jdbc.sql("SELECT day, revenue, orders, units, margin FROM sales_daily WHERE day BETWEEN :from AND :to")
                .param("from", period.from()).param("to", period.to())
                .query((RowCallbackHandler) rs -> points.get(granularity.start(rs.getObject("day", LocalDate.class)))
                        .add(rs.getBigDecimal("revenue"), rs.getLong("orders"), rs.getLong("units"), rs.getBigDecimal("margin")));
        return new TimeSeries(period.from(), period.to(), granularity.value(), points.entrySet().stream()
                .map(point -> new TimeSeries.Point(point.getKey(), money(point.getValue().revenue), point.getValue().orders,
                        point.getValue().units, money(point.getValue().margin)))
                .toList());
    }

    /** Categories by revenue (then name), with their latest name in the period and their share of the revenue. */
    public List<CategorySales> byCategory(ReportPeriod period) {
        record Row(UUID id, String name, BigDecimal revenue, long orders, long units, BigDecimal margin) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT category_id, (array_agg(category_name ORDER BY name_at DESC))[1] AS category_name,
                               sum(revenue) AS revenue, sum(orders) AS orders, sum(units) AS units, sum(margin) AS margin
                        FROM sales_daily_category WHERE day BETWEEN :from AND :to
                        GROUP BY category_id ORDER BY sum(revenue) DESC, category_name, category_id""")
                .param("from", period.from()).param("to", period.to())
                .query((rs, n) -> new Row(rs.getObject("category_id", UUID.class), rs.getString("category_name"),
                        rs.getBigDecimal("revenue"), rs.getLong("orders"), rs.getLong("units"), rs.getBigDecimal("margin")))
                .list();
        BigDecimal total = rows.stream().map(Row::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        return rows.stream().map(row -> new CategorySales(row.id(), row.name(), money(row.revenue()), row.orders(), row.units(),
                        money(row.margin()), total.signum() == 0 ? NO_SHARE : row.revenue().divide(total, 4, RoundingMode.HALF_UP)))
                .toList();
    }

    /**
     * The best-selling products by revenue (ties: units) or by units (ties: revenue), then product id, with
     * their latest product and category names in the period. Whole calendar months of the period are added
     * up from the monthly rollup, the days before and after them from the daily one.
     */
    public List<ProductSales> topProducts(ReportPeriod period, TopBy by, int limit) {
        String order = by == TopBy.UNITS ? "units DESC, revenue DESC" : "revenue DESC, units DESC";
        LocalDate firstMonth = period.from().getDayOfMonth() == 1 ? period.from() : period.from().withDayOfMonth(1).plusMonths(1);
        LocalDate endOfMonths = period.to().plusDays(1).withDayOfMonth(1); // exclusive
        String parts;
        if (firstMonth.isBefore(endOfMonths)) {
            parts = """
                    SELECT product_id, revenue, units, lines, margin FROM sales_monthly_product
                    WHERE month >= :firstMonth AND month < :endOfMonths
                    UNION ALL
                    SELECT product_id, revenue, units, lines, margin FROM sales_daily_product
                    WHERE day >= :from AND day < :firstMonth OR day >= :endOfMonths AND day <= :to""";
        }
        else {
            parts = "SELECT product_id, revenue, units, lines, margin FROM sales_daily_product WHERE day BETWEEN :from AND :to";
        }
        record Row(UUID id, BigDecimal revenue, long units, long orders, BigDecimal margin) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT product_id, sum(revenue) AS revenue, sum(units) AS units, sum(lines) AS orders, sum(margin) AS margin
                        FROM (%s) parts
                        GROUP BY product_id ORDER BY %s, product_id LIMIT :limit""".formatted(parts, order))
                .param("from", period.from()).param("to", period.to()).param("limit", limit)
                .param("firstMonth", firstMonth).param("endOfMonths", endOfMonths)
                .query((rs, n) -> new Row(rs.getObject("product_id", UUID.class), rs.getBigDecimal("revenue"), rs.getLong("units"),
                        rs.getLong("orders"), rs.getBigDecimal("margin")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        // The latest name of each is on its row of the last day it sold in the period: one index probe each.
        Map<UUID, String[]> names = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT ids.product_id, latest.product_name, latest.category_name
                        FROM unnest(CAST(:ids AS uuid[])) AS ids(product_id)
                        CROSS JOIN LATERAL (SELECT product_name, category_name FROM sales_daily_product d
                                            WHERE d.product_id = ids.product_id AND d.day BETWEEN :from AND :to
                                            ORDER BY d.day DESC LIMIT 1) latest""")
                .param("ids", rows.stream().map(Row::id).toArray(UUID[]::new)).param("from", period.from()).param("to", period.to())
                .query((RowCallbackHandler) rs -> names.put(rs.getObject("product_id", UUID.class),
                        new String[] {rs.getString("product_name"), rs.getString("category_name")}));
        return rows.stream().map(row -> new ProductSales(row.id(), names.get(row.id())[0], names.get(row.id())[1],
                money(row.revenue()), row.units(), row.orders(), money(row.margin()))).toList();
    }

    /** A page of lines, newest first unless sorted otherwise ({@code paid_at} or {@code line_total}). */
    public PageResult<SaleLine> lines(SalesFilter filter, PageQuery page) {
        Where where = where(filter);
        SortOrder sort = page.sort();
        String direction = sort == null || !sort.ascending() ? " DESC" : " ASC";
        String order = sort != null && sort.field().equals("line_total")
                ? "line_total" + direction + ", paid_at" + direction + ", order_id" + direction + ", product_id" + direction
                : "paid_at" + direction + ", order_id" + direction + ", product_id" + direction;
        List<SaleLine> items = jdbc.sql("SELECT * FROM sales_lines WHERE " + where.sql + " ORDER BY " + order
                        + " LIMIT :limit OFFSET :offset")
                .params(where.params).param("limit", page.limit()).param("offset", page.offset())
                .query(LINE).list();
        return PageResult.of(items, page, count(filter));
    }

    /**
     * How many lines match: from the rollups when the filter is the period alone or with one category or
     * one product, else by counting lines (an order's few, or one product's within one category).
     */
    public long count(SalesFilter filter) {
        ReportPeriod period = filter.period();
        if (filter.orderId() == null && (filter.categoryId() == null || filter.productId() == null)) {
            String sql = filter.categoryId() != null
                    ? "SELECT coalesce(sum(lines), 0) FROM sales_daily_category WHERE category_id = :id AND day BETWEEN :from AND :to"
                    : filter.productId() != null
                    ? "SELECT coalesce(sum(lines), 0) FROM sales_daily_product WHERE product_id = :id AND day BETWEEN :from AND :to"
                    : "SELECT coalesce(sum(lines), 0) FROM sales_daily WHERE day BETWEEN :from AND :to";
            UUID id = filter.categoryId() != null ? filter.categoryId() : filter.productId();
            var statement = jdbc.sql(sql).param("from", period.from()).param("to", period.to());
            if (id != null) {
                statement = statement.param("id", id);
            }
            return statement.query(Long.class).single();
        }
        Where where = where(filter);
        return jdbc.sql("SELECT count(*) FROM sales_lines WHERE " + where.sql).params(where.params).query(Long.class).single();
    }

    /**
     * Every matching line, oldest first, read through a cursor: call it in a transaction (which also keeps
     * the count and the rows of an export consistent).
     */
    public void forEachLine(SalesFilter filter, Consumer<SaleLine> each) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("lines are streamed in a transaction, or the driver reads them all at once");
        }
        Where where = where(filter);
        streaming.query("SELECT * FROM sales_lines WHERE " + where.sql + " ORDER BY paid_at, order_id, product_id",
                new MapSqlParameterSource(where.params), (RowCallbackHandler) rs -> each.accept(line(rs)));
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(SalesFilter filter) {
        List<String> conditions = new ArrayList<>(List.of("paid_at >= :start", "paid_at < :end"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("start", timestamp(filter.period().start()));
        params.put("end", timestamp(filter.period().end()));
        if (filter.categoryId() != null) {
            conditions.add("category_id = :category");
            params.put("category", filter.categoryId());
        }
        if (filter.productId() != null) {
            conditions.add("product_id = :product");
            params.put("product", filter.productId());
        }
        if (filter.orderId() != null) {
            conditions.add("order_id = :order");
            params.put("order", filter.orderId());
        }
        return new Where(conditions.stream().collect(Collectors.joining(" AND ")), params);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static SaleLine line(ResultSet rs) throws SQLException {
        return new SaleLine(rs.getObject("order_id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getObject("product_id", UUID.class), rs.getString("product_name"), rs.getObject("category_id", UUID.class),
                rs.getString("category_name"), rs.getInt("quantity"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("line_total"),
                rs.getBigDecimal("margin_rate"), rs.getBigDecimal("margin"), rs.getObject("paid_at", OffsetDateTime.class).toInstant());
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** Figures being added up for one period of a time series. */
    private static final class Figures {

        private BigDecimal revenue = BigDecimal.ZERO;
        private long orders;
        private long units;
        private BigDecimal margin = BigDecimal.ZERO;

        void add(BigDecimal revenue, long orders, long units, BigDecimal margin) {
            this.revenue = this.revenue.add(revenue);
            this.orders += orders;
            this.units += units;
            this.margin = this.margin.add(margin);
        }
    }
}
