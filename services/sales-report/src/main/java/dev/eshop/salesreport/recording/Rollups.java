package dev.eshop.salesreport.recording;

import dev.eshop.salesreport.SalesSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rollups of {@code sales_lines} that the reports read: per day ({@code sales_daily}), per day and
 * category ({@code sales_daily_category}), per day and product ({@code sales_daily_product}) and per month
 * and product ({@code sales_monthly_product}), so a report over three years adds up about a thousand rows
 * per category or product instead of a million lines.
 * <p>
 * They are kept in the transaction that records the lines ({@link #add}), from the lines actually
 * inserted, so a redelivered sale adds nothing here either. A day is the date of {@code paid_at} in
 * {@code eshop.sales.time-zone}; the zone they were built with is stored, and a service started with
 * another one (or finding none) rebuilds them from the lines before it consumes or answers
 * ({@link #afterPropertiesSet}).
 * <p>
 * Locks: every sale touches one day, and its upserts take that day's {@code sales_daily} row first,
 * then its category rows, its daily product rows and its monthly product rows, each in id order. Sales of
 * one day queue on the first; sales of different days share only monthly rows, taken last and in the
 * same order, so no two sales ever wait for each other in a cycle.
 */
@Component
public class Rollups implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(Rollups.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ZoneId zone;
    private final String zoneName;

    Rollups(JdbcClient jdbc, TransactionTemplate transaction, SalesSettings settings) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.zone = settings.timeZone();
        this.zoneName = databaseZoneName(settings.timeZone());
    }

    /**
     * The zone's name as PostgreSQL reads it in {@code AT TIME ZONE}: a region (IANA) name, or UTC. A
     * numeric offset like {@code +02:00} is refused, because PostgreSQL reads offsets in POSIX style
     * (west positive) and days would silently shift.
     */
    static String databaseZoneName(ZoneId zone) {
        if (zone instanceof ZoneOffset offset) {
            if (offset.getTotalSeconds() != 0) {
                throw new IllegalArgumentException("eshop.sales.time-zone must be a region such as Europe/Prague or UTC, not the offset "
                        + offset);
            }
            return "UTC";
        }
        return zone.getId();
    }

    /** At start-up, before events are consumed: the database knows the zone, and the rollups are built with it. */
    @Override
    public void afterPropertiesSet() {
        boolean known = jdbc.sql("SELECT count(*) FROM pg_timezone_names WHERE name = ?").param(zoneName)
                .query(Long.class).single() > 0;
        if (!known) {
            throw new IllegalStateException("PostgreSQL does not know the time zone " + zoneName + " (eshop.sales.time-zone)");
        }
        rebuildIfZoneChanged();
    }

    /** Rebuilds every rollup when they were built with another zone (or never); true when it did. */
    public boolean rebuildIfZoneChanged() {
        return Boolean.TRUE.equals(transaction.execute(status -> rebuild(false)));
    }

    /** Rebuilds every rollup from {@code sales_lines}, whatever zone they have. */
    public void rebuild() {
        transaction.executeWithoutResult(status -> rebuild(true));
    }

    private boolean rebuild(boolean always) {
        // One rebuild at a time (several replicas may start together); the second sees the first's zone.
        jdbc.sql("LOCK TABLE sales_rollup_zone IN EXCLUSIVE MODE").update();
        Optional<String> builtWith = jdbc.sql("SELECT time_zone FROM sales_rollup_zone WHERE id = 1").query(String.class).optional();
        if (!always && builtWith.isPresent() && builtWith.get().equals(zoneName)) {
            return false;
        }
        Instant started = Instant.now();
        // Recording waits (its inserts need a lock this one excludes), and one in progress finishes first.
        jdbc.sql("LOCK TABLE sales_lines IN SHARE MODE").update();
        jdbc.sql("TRUNCATE sales_daily, sales_daily_category, sales_daily_product, sales_monthly_product").update();
        jdbc.sql("""
                        INSERT INTO sales_daily (day, revenue, orders, units, margin, lines)
                        SELECT (paid_at AT TIME ZONE :zone)::date, sum(line_total), count(DISTINCT order_id), sum(quantity), sum(margin), count(*)
                        FROM sales_lines GROUP BY 1""")
                .param("zone", zoneName).update();
        jdbc.sql("""
                        INSERT INTO sales_daily_category (day, category_id, category_name, name_at, revenue, orders, units, margin, lines)
                        SELECT day, category_id, (array_agg(category_name ORDER BY paid_at DESC, recorded_at DESC, id DESC))[1], max(paid_at),
                               sum(line_total), count(DISTINCT order_id), sum(quantity), sum(margin), count(*)
                        FROM (SELECT l.*, (l.paid_at AT TIME ZONE :zone)::date AS day FROM sales_lines l) lines
                        GROUP BY day, category_id""")
                .param("zone", zoneName).update();
        jdbc.sql("""
                        INSERT INTO sales_daily_product (day, product_id, product_name, category_name, name_at, revenue, units, margin, lines)
                        SELECT day, product_id, (array_agg(product_name ORDER BY paid_at DESC, recorded_at DESC, id DESC))[1],
                               (array_agg(category_name ORDER BY paid_at DESC, recorded_at DESC, id DESC))[1], max(paid_at),
                               sum(line_total), sum(quantity), sum(margin), count(*)
                        FROM (SELECT l.*, (l.paid_at AT TIME ZONE :zone)::date AS day FROM sales_lines l) lines
                        GROUP BY day, product_id""")
                .param("zone", zoneName).update();
        jdbc.sql("""
                        INSERT INTO sales_monthly_product (month, product_id, revenue, units, margin, lines)
                        SELECT date_trunc('month', day)::date, product_id, sum(revenue), sum(units), sum(margin), sum(lines)
                        FROM sales_daily_product GROUP BY 1, 2""")
                .update();
        jdbc.sql("""
                        INSERT INTO sales_rollup_zone (id, time_zone) VALUES (1, :zone)
                        ON CONFLICT (id) DO UPDATE SET time_zone = EXCLUDED.time_zone""")
                .param("zone", zoneName).update();
        long lines = jdbc.sql("SELECT coalesce(sum(lines), 0) FROM sales_daily").query(Long.class).single();
        log.info("Rebuilt the daily sales rollups in zone {} (were {}) from {} lines in {} ms", zoneName,
                builtWith.orElse("none recorded"), lines, Duration.between(started, Instant.now()).toMillis());
        return true;
    }

    /**
     * Adds lines just inserted to the rollups, in the caller's transaction. {@code before} are the lines
     * the same orders already had, so an order is counted once per day (and per day and category) however
     * its lines arrive.
     */
    void add(List<RecordedLine> before, List<RecordedLine> inserted) {
        Map<LocalDate, List<RecordedLine>> byDay = inserted.stream()
                .collect(Collectors.groupingBy(line -> day(line.paidAt()), TreeMap::new, Collectors.toList()));
        byDay.forEach((day, lines) -> {
            Set<UUID> seenThatDay = before.stream().filter(line -> day(line.paidAt()).equals(day))
                    .map(RecordedLine::orderId).collect(Collectors.toSet());
            addDay(day, lines, newOrders(lines, seenThatDay));
            Map<UUID, List<RecordedLine>> byCategory = lines.stream()
                    .collect(Collectors.groupingBy(RecordedLine::categoryId, TreeMap::new, Collectors.toList()));
            byCategory.forEach((category, ofCategory) -> {
                Set<UUID> seenInCategory = before.stream()
                        .filter(line -> day(line.paidAt()).equals(day) && line.categoryId().equals(category))
                        .map(RecordedLine::orderId).collect(Collectors.toSet());
                addCategory(day, category, ofCategory, newOrders(ofCategory, seenInCategory));
            });
            List<RecordedLine> byProduct = lines.stream().sorted(Comparator.comparing(RecordedLine::productId)).toList();
            byProduct.forEach(line -> addProduct(day, line));
            byProduct.forEach(line -> addProductMonth(day.withDayOfMonth(1), line));
        });
    }

    private LocalDate day(Instant paidAt) {
        return LocalDate.ofInstant(paidAt, zone);
    }

    private static long newOrders(List<RecordedLine> lines, Set<UUID> seen) {
        return lines.stream().map(RecordedLine::orderId).distinct().filter(order -> !seen.contains(order)).count();
    }

    private void addDay(LocalDate day, List<RecordedLine> lines, long newOrders) {
        jdbc.sql("""
                        INSERT INTO sales_daily (day, revenue, orders, units, margin, lines)
                        VALUES (:day, :revenue, :orders, :units, :margin, :lines)
                        ON CONFLICT (day) DO UPDATE SET revenue = sales_daily.revenue + EXCLUDED.revenue,
                            orders = sales_daily.orders + EXCLUDED.orders, units = sales_daily.units + EXCLUDED.units,
                            margin = sales_daily.margin + EXCLUDED.margin, lines = sales_daily.lines + EXCLUDED.lines""")
                .param("day", day).param("revenue", revenue(lines)).param("orders", newOrders).param("units", units(lines))
                .param("margin", margin(lines)).param("lines", (long) lines.size())
                .update();
    }

    private void addCategory(LocalDate day, UUID category, List<RecordedLine> lines, long newOrders) {
        RecordedLine latest = latest(lines);
        jdbc.sql("""
                        INSERT INTO sales_daily_category (day, category_id, category_name, name_at, revenue, orders, units, margin, lines)
                        VALUES (:day, :category, :name, :nameAt, :revenue, :orders, :units, :margin, :lines)
                        ON CONFLICT (day, category_id) DO UPDATE SET
                            category_name = CASE WHEN EXCLUDED.name_at >= sales_daily_category.name_at
                                                 THEN EXCLUDED.category_name ELSE sales_daily_category.category_name END,
                            name_at = greatest(sales_daily_category.name_at, EXCLUDED.name_at),
                            revenue = sales_daily_category.revenue + EXCLUDED.revenue,
                            orders = sales_daily_category.orders + EXCLUDED.orders,
                            units = sales_daily_category.units + EXCLUDED.units,
                            margin = sales_daily_category.margin + EXCLUDED.margin,
                            lines = sales_daily_category.lines + EXCLUDED.lines""")
                .param("day", day).param("category", category).param("name", latest.categoryName())
                .param("nameAt", Timestamp.from(latest.paidAt())).param("revenue", revenue(lines)).param("orders", newOrders)
                .param("units", units(lines)).param("margin", margin(lines)).param("lines", (long) lines.size())
                .update();
    }

    private void addProduct(LocalDate day, RecordedLine line) {
        jdbc.sql("""
                        INSERT INTO sales_daily_product (day, product_id, product_name, category_name, name_at, revenue, units, margin, lines)
                        VALUES (:day, :product, :name, :categoryName, :nameAt, :revenue, :units, :margin, 1)
                        ON CONFLICT (day, product_id) DO UPDATE SET
                            product_name = CASE WHEN EXCLUDED.name_at >= sales_daily_product.name_at
                                                THEN EXCLUDED.product_name ELSE sales_daily_product.product_name END,
                            category_name = CASE WHEN EXCLUDED.name_at >= sales_daily_product.name_at
                                                 THEN EXCLUDED.category_name ELSE sales_daily_product.category_name END,
                            name_at = greatest(sales_daily_product.name_at, EXCLUDED.name_at),
                            revenue = sales_daily_product.revenue + EXCLUDED.revenue,
                            units = sales_daily_product.units + EXCLUDED.units,
                            margin = sales_daily_product.margin + EXCLUDED.margin,
                            lines = sales_daily_product.lines + 1""")
                .param("day", day).param("product", line.productId()).param("name", line.productName())
                .param("categoryName", line.categoryName()).param("nameAt", Timestamp.from(line.paidAt()))
                .param("revenue", line.lineTotal()).param("units", (long) line.quantity()).param("margin", line.margin())
                .update();
    }

    private void addProductMonth(LocalDate month, RecordedLine line) {
        jdbc.sql("""
                        INSERT INTO sales_monthly_product (month, product_id, revenue, units, margin, lines)
                        VALUES (:month, :product, :revenue, :units, :margin, 1)
                        ON CONFLICT (month, product_id) DO UPDATE SET
                            revenue = sales_monthly_product.revenue + EXCLUDED.revenue,
                            units = sales_monthly_product.units + EXCLUDED.units,
                            margin = sales_monthly_product.margin + EXCLUDED.margin,
                            lines = sales_monthly_product.lines + 1""")
                .param("month", month).param("product", line.productId()).param("revenue", line.lineTotal())
                .param("units", (long) line.quantity()).param("margin", line.margin())
                .update();
    }

    private static RecordedLine latest(List<RecordedLine> lines) {
        return lines.stream().max(Comparator.comparing(RecordedLine::paidAt)).orElseThrow();
    }

    private static BigDecimal revenue(List<RecordedLine> lines) {
        return lines.stream().map(RecordedLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal margin(List<RecordedLine> lines) {
        return lines.stream().map(RecordedLine::margin).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static long units(List<RecordedLine> lines) {
        return lines.stream().mapToLong(RecordedLine::quantity).sum();
    }
}
