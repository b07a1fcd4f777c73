package dev.eshop.perf.reserve;

import dev.eshop.perf.Wrk;
import dev.eshop.platform.events.EventJson;
import dev.eshop.platform.events.product.ProductCreated;
import dev.eshop.platform.testing.KafkaEngine;
import dev.eshop.platform.testing.KafkaTestClient;
import dev.eshop.platform.testing.PostgresEngine;
import dev.eshop.platform.testing.ServiceProcess;
import dev.eshop.platform.testing.TestIssuer;
import dev.eshop.platform.testing.TestTokens;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reserve latency under concurrency: the warehouse service (its own JVM, full JIT) with three
 * warehouses and 100 products in stock; wrk sends reservations of one unit for new orders.
 *
 * Run: {@code ./mvnw -q -pl perf -am install -DskipTests && ./mvnw -q -pl perf exec:java -Dexec.mainClass=dev.eshop.perf.reserve.ReserveBenchmark}
 * (needs the Debian package wrk; optional {@code -Dconnections=16 -Dseconds=20}).
 */
public class ReserveBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        int connections = Integer.getInteger("connections", 16);
        int seconds = Integer.getInteger("seconds", 20);
        PostgresEngine postgres = PostgresEngine.get();
        KafkaEngine kafka = KafkaEngine.get();
        String prefix = kafka.freshNamespace("reserve-bench");
        try (ServiceProcess warehouse = ServiceProcess.start("warehouse", Map.of(
                "SPRING_DATASOURCE_URL", postgres.jdbcUrl(postgres.createDatabase("reserve_bench")),
                "SPRING_DATASOURCE_USERNAME", postgres.username(),
                "SPRING_DATASOURCE_PASSWORD", postgres.password(),
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "ESHOP_KAFKA_TOPIC_PREFIX", prefix,
                "ESHOP_SECURITY_ISSUER_URI", TestIssuer.get().uri(),
                "LOGGING_LEVEL_ROOT", "WARN"), List.of("-Xmx512m"))) {
            String admin = TestTokens.admin();
            List<String> warehouses = new ArrayList<>();
            String[][] sites = {{"Central", "10000"}, {"North", "20000"}, {"South", "30000"}};
            for (String[] site : sites) {
                String body = """
                        {"name":"%s","street":"1 Depot Road","city":"Springfield","state":"IL","zip_code":"%s"}"""
                        .formatted(site[0], site[1]);
                warehouses.add(field(send(warehouse, "POST", "/v1/warehouses", admin, body), "id"));
            }
            KafkaTestClient events = new KafkaTestClient(kafka.bootstrapServers(), prefix);
            List<String> products = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                UUID id = UUID.randomUUID();
                products.add(id.toString());
                events.publishEvent("product-created", "eshop.product.created.v1", id.toString(), EventJson.write(new ProductCreated(
                        id, "SKU-B" + i, "Benchmark car " + i, "", new BigDecimal("25000.00"), UUID.randomUUID(), "Sedan",
                        Map.of("brand", "Bench"), null, null, 20_000, 1, Instant.now())));
            }
            for (String product : products) {
                while (send(warehouse, "GET", "/v1/stock/products/" + product, admin, null).statusCode() != 200) {
                    Thread.sleep(50);
                }
                for (String site : warehouses.subList(1, 3)) {
                    send(warehouse, "POST", "/v1/stock/restocks", admin,
                            "{\"warehouse_id\":\"%s\",\"product_id\":\"%s\",\"quantity\":5000}".formatted(site, product));
                }
            }
            String summary = Wrk.run("reserve.lua", warehouse.baseUrl(), 2, connections, seconds, Map.of(
                    "PRODUCTS", Wrk.lines(products).toString(),
                    "TOKEN", TestTokens.service("stock.reserve")));
            System.out.printf("reserve, 1 unit of 1 of 100 products, %d connections, %d s: %s%n", connections, seconds, summary);
        }
        System.exit(0);
    }

    private static HttpResponse<String> send(ServiceProcess service, String method, String path, String token, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (json != null && response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static String field(HttpResponse<String> response, String name) {
        var matcher = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + response.body());
        }
        return matcher.group(1);
    }
}
