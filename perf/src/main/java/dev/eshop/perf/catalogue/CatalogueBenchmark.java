package dev.eshop.perf.catalogue;

import dev.eshop.perf.Wrk;
import dev.eshop.platform.testing.KafkaEngine;
import dev.eshop.platform.testing.PostgresEngine;
import dev.eshop.platform.testing.S3Engine;
import dev.eshop.platform.testing.ServiceProcess;
import dev.eshop.platform.testing.TestIssuer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Catalogue reads with 100,000 products: the product service (its own JVM, full JIT) on PostgreSQL,
 * products seeded straight into its tables, then wrk on the public listing (search, filters, sort)
 * and on product detail.
 *
 * Run: {@code ./mvnw -q -pl perf -am install -DskipTests && ./mvnw -q -pl perf exec:java -Dexec.mainClass=dev.eshop.perf.catalogue.CatalogueBenchmark}
 * (needs the Debian package wrk; optional {@code -Dproducts=100000 -Dconnections=8 -Dseconds=20}).
 */
public class CatalogueBenchmark {

    private static final String[][] MODELS = {
            {"Mazda", "CX-60"}, {"Toyota", "Corolla"}, {"BMW", "X5"}, {"Audi", "A4"}, {"Honda", "Civic"},
            {"Ford", "Mustang"}, {"Tesla", "Model 3"}, {"Volvo", "XC90"}, {"Kia", "Sportage"}, {"Skoda", "Octavia"},
            {"Ducati", "Monster"}, {"Yamaha", "MT-07"}, {"Kawasaki", "Z900"}, {"Suzuki", "Hayabusa"}, {"Triumph", "Bonneville"}};

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("products", 100_000);
        int connections = Integer.getInteger("connections", 8);
        int seconds = Integer.getInteger("seconds", 20);
        PostgresEngine postgres = PostgresEngine.get();
        KafkaEngine kafka = KafkaEngine.get();
        S3Engine s3 = S3Engine.get();
        String database = postgres.createDatabase("catalogue_bench");
        try (ServiceProcess product = ServiceProcess.start("product", Map.ofEntries(
                Map.entry("SPRING_DATASOURCE_URL", postgres.jdbcUrl(database)),
                Map.entry("SPRING_DATASOURCE_USERNAME", postgres.username()),
                Map.entry("SPRING_DATASOURCE_PASSWORD", postgres.password()),
                Map.entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()),
                Map.entry("ESHOP_KAFKA_TOPIC_PREFIX", kafka.freshNamespace("catalogue-bench")),
                Map.entry("ESHOP_SECURITY_ISSUER_URI", TestIssuer.get().uri()),
                Map.entry("ESHOP_S3_ENDPOINT", s3.endpoint()),
                Map.entry("ESHOP_S3_PATH_STYLE_ACCESS", "true"),
                Map.entry("ESHOP_S3_ACCESS_KEY", S3Engine.ACCESS_KEY),
                Map.entry("ESHOP_S3_SECRET_KEY", S3Engine.SECRET_KEY),
                Map.entry("ESHOP_S3_BUCKET", s3.createBucket("catalogue-bench")),
                Map.entry("LOGGING_LEVEL_ROOT", "WARN")), List.of("-Xmx512m"))) {
            List<String> ids = seed(postgres.jdbcUrl(database), postgres.username(), postgres.password(), count);
            String base = product.baseUrl();

            List<String> searches = new ArrayList<>();
            for (String[] model : MODELS) {
                searches.add("/v1/products?q=" + model[0].toLowerCase() + "&size=20");
                searches.add("/v1/products?q=" + model[0].toLowerCase() + "+" + model[1].toLowerCase().replace(" ", "+") + "&size=20");
            }
            List<String> filters = List.of(
                    "/v1/products?category=cars&min_price=20000&max_price=40000&sort=price,asc&size=20",
                    "/v1/products?category=motorcycles&year_min=2015&in_stock=true&sort=created_at,desc&size=20",
                    "/v1/products?brand=Mazda&brand=Audi&sort=name,asc&page=3&size=20",
                    "/v1/products?sort=price,desc&size=20",
                    "/v1/products?size=20");
            List<String> details = ids.stream().map(id -> "/v1/products/" + id).toList();

            warmUp(base, searches, filters, details);
            report("search (q, 1-2 words)", Wrk.run("paths.lua", base, 2, connections, seconds,
                    Map.of("PATHS", Wrk.lines(searches).toString())), count, connections, seconds);
            report("filters and sort", Wrk.run("paths.lua", base, 2, connections, seconds,
                    Map.of("PATHS", Wrk.lines(filters).toString())), count, connections, seconds);
            report("product detail", Wrk.run("paths.lua", base, 2, connections, seconds,
                    Map.of("PATHS", Wrk.lines(details).toString())), count, connections, seconds);
        }
        System.exit(0);
    }

    private static void warmUp(String base, List<String> searches, List<String> filters, List<String> details) throws Exception {
        List<String> all = new ArrayList<>(searches);
        all.addAll(filters);
        all.addAll(details.subList(0, Math.min(2_000, details.size())));
        Wrk.run("paths.lua", base, 2, 8, 10, Map.of("PATHS", Wrk.lines(all).toString()));
    }

    private static void report(String scenario, String summary, int count, int connections, int seconds) {
        System.out.printf("%s, %,d products, %d connections, %d s: %s%n", scenario, count, connections, seconds, summary);
    }

    /** Two category levels and {@code count} products with attributes, stock and dates spread out; returns product ids. */
    private static List<String> seed(String url, String user, String password, int count) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, password); Statement sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO categories (id, name, slug, parent_id, position, created_at, updated_at) VALUES
                      ('00000000-0000-7000-8000-000000000001', 'Cars', 'cars', NULL, 0, now(), now()),
                      ('00000000-0000-7000-8000-000000000002', 'Motorcycles', 'motorcycles', NULL, 1, now(), now()),
                      ('00000000-0000-7000-8000-000000000011', 'SUV', 'suv', '00000000-0000-7000-8000-000000000001', 0, now(), now()),
                      ('00000000-0000-7000-8000-000000000012', 'Sedan', 'sedan', '00000000-0000-7000-8000-000000000001', 1, now(), now()),
                      ('00000000-0000-7000-8000-000000000021', 'Naked', 'naked', '00000000-0000-7000-8000-000000000002', 0, now(), now()),
                      ('00000000-0000-7000-8000-000000000022', 'Sport', 'sport', '00000000-0000-7000-8000-000000000002', 1, now(), now())
                    """);
            StringBuilder brands = new StringBuilder("ARRAY[");
            StringBuilder models = new StringBuilder("ARRAY[");
            for (int i = 0; i < MODELS.length; i++) {
                brands.append(i > 0 ? "," : "").append('\'').append(MODELS[i][0]).append('\'');
                models.append(i > 0 ? "," : "").append('\'').append(MODELS[i][1]).append('\'');
            }
            brands.append(']');
            models.append(']');
            sql.execute("""
                    INSERT INTO products (id, sku, name, description, price, category_id, attributes, stock, created_at, updated_at)
                    SELECT gen_random_uuid(),
                           'SKU-' || lpad(i::text, 8, '0'),
                           b.brand || ' ' || b.model || ' ' || (1990 + i %% 35) || ' #' || i,
                           'A well kept ' || b.brand || ' ' || b.model || ', serviced on time, number ' || i || '.',
                           round((5000 + (i * 7919) %% 95000)::numeric, 2),
                           CASE WHEN b.n <= 10 THEN (CASE WHEN i %% 2 = 0 THEN '00000000-0000-7000-8000-000000000011'
                                                          ELSE '00000000-0000-7000-8000-000000000012' END)::uuid
                                ELSE (CASE WHEN i %% 2 = 0 THEN '00000000-0000-7000-8000-000000000021'
                                           ELSE '00000000-0000-7000-8000-000000000022' END)::uuid END,
                           jsonb_build_object('brand', b.brand, 'model', b.model, 'year', 1990 + i %% 35,
                                              'color', (ARRAY['red','blue','black','white','grey'])[1 + i %% 5]),
                           i %% 7,
                           now() - i * interval '1 minute',
                           now()
                    FROM generate_series(1, %d) AS i
                    CROSS JOIN LATERAL (SELECT 1 + i %% 15 AS n) AS pick
                    CROSS JOIN LATERAL (SELECT (%s)[pick.n] AS brand, (%s)[pick.n] AS model, pick.n AS n) AS b
                    """.formatted(count, brands, models));
            // Steady state of a live table: statistics current and the visibility map set by autovacuum.
            sql.execute("VACUUM ANALYZE");
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT id FROM products ORDER BY random() LIMIT 20000")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }
}
