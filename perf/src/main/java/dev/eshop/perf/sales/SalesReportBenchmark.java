package dev.eshop.perf.sales;

import dev.eshop.perf.Wrk;
import dev.eshop.platform.testing.KafkaEngine;
import dev.eshop.platform.testing.PostgresEngine;
import dev.eshop.platform.testing.ServiceProcess;
import dev.eshop.platform.testing.TestIssuer;
import dev.eshop.platform.testing.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Sales reports over a million sold lines: the sales-report service (its own JVM, full JIT) on
 * PostgreSQL with 1,000,000 lines over three years inserted straight into {@code sales_lines}
 * ({@code INSERT … SELECT generate_series}) after its migrations ran; the service is then restarted
 * with its rollup zone cleared, so it rebuilds the daily rollups from the lines at start-up (timed), and
 * wrk measures each report.
 *
 * Run: {@code ./mvnw -q -pl perf -am install -DskipTests && ./mvnw -q -pl services/sales-report package -DskipTests
 * && ./mvnw -q -pl perf exec:java -Dexec.mainClass=dev.eshop.perf.sales.SalesReportBenchmark}
 * (needs the Debian package wrk; optional {@code -Dlines=1000000 -Dproducts=500 -Dconnections=2 -Dseconds=15}).
 */
public class SalesReportBenchmark {

    /** The three years of sales: 2023-01-01 to 2025-12-31 (1,096 days, the longest period a report may span). */
    private static final LocalDate FIRST = LocalDate.parse("2023-01-01");
    private static final LocalDate LAST = LocalDate.parse("2025-12-31");
    private static final int CATEGORIES = 12;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) {
        try {
            run();
            System.exit(0);
        }
        catch (Throwable failure) {
            // exec:java would otherwise wait for the embedded Kafka's threads and never report it.
            failure.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        int lines = Integer.getInteger("lines", 1_000_000);
        int products = Integer.getInteger("products", 500);
        int connections = Integer.getInteger("connections", 2);
        int seconds = Integer.getInteger("seconds", 15);
        PostgresEngine postgres = PostgresEngine.get();
        KafkaEngine kafka = KafkaEngine.get();
        String database = postgres.createDatabase("sales_bench");
        String url = postgres.jdbcUrl(database);
        Map<String, String> environment = Map.of(
                "SPRING_DATASOURCE_URL", url,
                "SPRING_DATASOURCE_USERNAME", postgres.username(),
                "SPRING_DATASOURCE_PASSWORD", postgres.password(),
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "ESHOP_KAFKA_TOPIC_PREFIX", kafka.freshNamespace("sales-bench"),
                "ESHOP_SECURITY_ISSUER_URI", TestIssuer.get().uri(),
                "LOGGING_LEVEL_ROOT", "WARN",
                "LOGGING_LEVEL_DEV_ESHOP_SALESREPORT_RECORDING", "INFO");
        List<String> jvm = List.of("-Xmx512m");

        // First start: the migrations create the tables.
        ServiceProcess.start("sales-report", environment, jvm).close();
        long seeded = seed(url, postgres.username(), postgres.password(), lines, products);

        long starting = System.nanoTime();
        try (ServiceProcess sales = ServiceProcess.start("sales-report", environment, jvm)) {
            System.out.printf("start-up with a rollup rebuild from %,d lines: %.1f s (%s)%n", seeded, (System.nanoTime() - starting) / 1e9,
                    sales.logTail().lines().filter(line -> line.contains("Rebuilt")).findFirst().orElse("no rebuild logged"));
            analyze(url, postgres.username(), postgres.password());
            String base = sales.baseUrl();
            String token = TestTokens.admin();
            Random random = new Random(42);

            Map<String, List<String>> scenarios = new LinkedHashMap<>();
            scenarios.put("summary, 30 days", paths(random, 30, (from, to) -> "/v1/sales/summary?from=" + from + "&to=" + to));
            scenarios.put("summary, 3 years", List.of("/v1/sales/summary?from=" + FIRST + "&to=" + LAST));
            scenarios.put("time series by day, 1 year", paths(random, 365,
                    (from, to) -> "/v1/sales/timeseries?granularity=day&from=" + from + "&to=" + to));
            scenarios.put("time series by week, 1 year", paths(random, 365,
                    (from, to) -> "/v1/sales/timeseries?granularity=week&from=" + from + "&to=" + to));
            scenarios.put("time series by month, 3 years", List.of(
                    "/v1/sales/timeseries?granularity=month&from=" + FIRST + "&to=" + LAST));
            scenarios.put("by category, 1 year", paths(random, 365, (from, to) -> "/v1/sales/by-category?from=" + from + "&to=" + to));
            scenarios.put("by category, 3 years", List.of("/v1/sales/by-category?from=" + FIRST + "&to=" + LAST));
            scenarios.put("top 10 products, 30 days", paths(random, 30,
                    (from, to) -> "/v1/sales/top-products?from=" + from + "&to=" + to));
            scenarios.put("top 10 products by revenue or units, 1 year", paths(random, 365,
                    (from, to) -> "/v1/sales/top-products?by=" + (random.nextBoolean() ? "units" : "revenue") + "&from=" + from + "&to=" + to));
            scenarios.put("top 50 products, 3 years", List.of("/v1/sales/top-products?limit=50&from=" + FIRST + "&to=" + LAST));
            scenarios.put("list, 30 days, newest first, pages 0-4", paths(random, 30,
                    (from, to) -> "/v1/sales?from=" + from + "&to=" + to + "&page=" + random.nextInt(5)));
            scenarios.put("list, 1 year, by line_total", paths(random, 365,
                    (from, to) -> "/v1/sales?sort=line_total,desc&from=" + from + "&to=" + to));
            scenarios.put("list, 1 year, one category, by line_total", paths(random, 365,
                    (from, to) -> "/v1/sales?sort=line_total,desc&from=" + from + "&to=" + to + "&category_id=" + category(random.nextInt(CATEGORIES))));
            scenarios.put("list, 3 years, one product, by line_total", paths(random, 1096,
                    (from, to) -> "/v1/sales?sort=line_total,desc&from=" + from + "&to=" + to + "&product_id=" + product(random.nextInt(products))));

            List<String> all = scenarios.values().stream().flatMap(List::stream).toList();
            Wrk.run("paths.lua", base, 1, 2, 10, Map.of("PATHS", Wrk.lines(all).toString(), "TOKEN", token));
            for (Map.Entry<String, List<String>> scenario : scenarios.entrySet()) {
                String summary = Wrk.run("paths.lua", base, 1, connections, seconds,
                        Map.of("PATHS", Wrk.lines(scenario.getValue()).toString(), "TOKEN", token));
                System.out.printf("%s, %,d lines, %d connections, %d s: %s%n", scenario.getKey(), seeded, connections, seconds, summary);
            }

            for (String export : List.of("csv-report", "xlsx-report")) {
                String path = "/v1/sales/" + export + "?from=2025-12-02&to=2025-12-31";
                HttpResponse<byte[]> warm = get(base + path, token);
                long started = System.nanoTime();
                HttpResponse<byte[]> response = get(base + path, token);
                System.out.printf("%s, 30 days: status %d, %,d bytes in %.0f ms (first call %,d bytes)%n", export, response.statusCode(),
                        response.body().length, (System.nanoTime() - started) / 1e6, warm.body().length);
            }
        }
    }

    /** Paths for 40 random periods of {@code days} days within the three years. */
    private static List<String> paths(Random random, int days, PathOfPeriod path) {
        long span = LAST.toEpochDay() - FIRST.toEpochDay() + 1 - days;
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            LocalDate from = FIRST.plusDays(random.nextLong(span + 1));
            paths.add(path.of(from, from.plusDays(days - 1)));
        }
        return paths;
    }

    @FunctionalInterface
    private interface PathOfPeriod {
        String of(LocalDate from, LocalDate to);
    }

    private static String product(int n) {
        return "00000000-0000-7000-8001-%012x".formatted(n);
    }

    private static String category(int n) {
        return "00000000-0000-7000-8000-%012x".formatted(n + 1);
    }

    private static HttpResponse<byte[]> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * About {@code lines} lines: orders spread evenly over the three years, each with 1 to 3 lines of
     * distinct products ({@code products} of them in 12 categories), 1 to 3 units at the product's price,
     * margin 15 % half-up. The rollup zone row is removed, so the next start rebuilds the rollups.
     */
    private static long seed(String url, String user, String password, int lines, int products) throws Exception {
        long started = System.nanoTime();
        int orders = lines / 2; // 1, 2 or 3 lines each: 2 on average
        try (Connection connection = DriverManager.getConnection(url, user, password); Statement sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO sales_lines (id, order_id, user_id, product_id, product_name, category_id, category_name, quantity,
                                             unit_price, line_total, margin_rate, margin, paid_at, recorded_at)
                    SELECT gen_random_uuid(), o.order_id, o.user_id, p.product_id, 'Vehicle ' || p.n, p.category_id,
                           'Category ' || (p.n %% %2$d + 1), q.quantity, p.price, p.price * q.quantity, 0.1500,
                           round(p.price * q.quantity * 0.15, 2), o.paid_at, o.paid_at
                    FROM (SELECT i, gen_random_uuid() AS order_id,
                                 (%3$s)::uuid AS user_id,
                                 timestamptz '%4$s 00:00:00+00' + (i::float8 / %1$d) * interval '%5$d days' AS paid_at
                          FROM generate_series(0::bigint, %1$d - 1) AS i) o
                    CROSS JOIN LATERAL generate_series(1, 1 + o.i %% 3) AS j
                    CROSS JOIN LATERAL (SELECT (o.i * 7919 + j * 229) %% %6$d AS n) pick
                    CROSS JOIN LATERAL (SELECT pick.n,
                                               (%7$s)::uuid AS product_id,
                                               (%8$s)::uuid AS category_id,
                                               round((5000 + (pick.n * 7919) %% 95000)::numeric, 2) AS price) p
                    CROSS JOIN LATERAL (SELECT 1 + (o.i + j) %% 3 AS quantity) q
                    """.formatted(orders, CATEGORIES, uuid("8002", "i % 20000"), FIRST,
                    LAST.toEpochDay() - FIRST.toEpochDay() + 1, products, uuid("8001", "pick.n"),
                    uuid("8000", "pick.n % " + CATEGORIES + " + 1")));
            sql.execute("DELETE FROM sales_rollup_zone");
            sql.execute("VACUUM ANALYZE sales_lines");
            try (ResultSet count = sql.executeQuery("SELECT count(*) FROM sales_lines")) {
                count.next();
                long seeded = count.getLong(1);
                System.out.printf("seeded %,d lines of %,d orders in %.1f s%n", seeded, orders, (System.nanoTime() - started) / 1e9);
                return seeded;
            }
        }
    }

    /** SQL for the UUID {@code 00000000-0000-7000-<group>-<expression as 12 hex digits>}. */
    private static String uuid(String group, String expression) {
        return "'00000000-0000-7000-" + group + "-' || lpad(to_hex(" + expression + "), 12, '0')";
    }

    /** Statistics and visibility maps current after the rebuild, as autovacuum leaves a live table. */
    private static void analyze(String url, String user, String password) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, password); Statement sql = connection.createStatement()) {
            sql.execute("VACUUM ANALYZE");
        }
    }
}
