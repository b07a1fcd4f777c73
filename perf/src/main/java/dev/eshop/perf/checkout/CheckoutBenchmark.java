package dev.eshop.perf.checkout;

import dev.eshop.platform.testing.KafkaEngine;
import dev.eshop.platform.testing.PostgresEngine;
import dev.eshop.platform.testing.S3Engine;
import dev.eshop.platform.testing.ServiceProcess;
import dev.eshop.platform.testing.TestIssuer;
import dev.eshop.platform.testing.TestTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checkout under load: product, warehouse, shipping-cost and order, each in its own JVM (full JIT),
 * on one machine with PostgreSQL and Kafka. Concurrent customers place orders (the call the cart
 * makes at checkout: prices from product, reservation in warehouse, shipping per shipment, the order
 * and its event in one transaction) for a fixed time; then single orders measure how long the
 * displayed stock takes to follow (reservation → product-quantity-updated → product).
 *
 * Run: {@code ./mvnw -q -pl perf -am install -DskipTests && ./mvnw -q -pl perf exec:java
 * -Dexec.mainClass=dev.eshop.perf.checkout.CheckoutBenchmark} (optional {@code -Dcustomers=16 -Dseconds=30}).
 */
public class CheckoutBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String[] ZIPS = {"10250", "20480", "35000", "51234", "77777", "90210"};

    public static void main(String[] args) {
        try {
            run();
        }
        catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run() throws Exception {
        int customers = Integer.getInteger("customers", 16);
        int seconds = Integer.getInteger("seconds", 30);
        PostgresEngine postgres = PostgresEngine.get();
        KafkaEngine kafka = KafkaEngine.get();
        S3Engine s3 = S3Engine.get();
        TestIssuer.get().registerClient("order-service", "order-secret", "products.read", "stock.reserve", "shipping.quote");
        Map<String, String> shared = Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "ESHOP_KAFKA_TOPIC_PREFIX", kafka.freshNamespace("checkout-bench"),
                "ESHOP_SECURITY_ISSUER_URI", TestIssuer.get().uri(),
                "SPRING_DATASOURCE_USERNAME", postgres.username(),
                "SPRING_DATASOURCE_PASSWORD", postgres.password(),
                "LOGGING_LEVEL_ROOT", "WARN");
        List<String> jvm = List.of("-Xmx512m");
        List<ServiceProcess> services = new ArrayList<>();
        try {
            Map<String, String> productEnvironment = new HashMap<>(shared);
            productEnvironment.putAll(Map.of(
                    "SPRING_DATASOURCE_URL", postgres.jdbcUrl(postgres.createDatabase("checkout_bench_product")),
                    "ESHOP_S3_ENDPOINT", s3.endpoint(), "ESHOP_S3_REGION", S3Engine.REGION, "ESHOP_S3_PATH_STYLE_ACCESS", "true",
                    "ESHOP_S3_ACCESS_KEY", S3Engine.ACCESS_KEY, "ESHOP_S3_SECRET_KEY", S3Engine.SECRET_KEY,
                    "ESHOP_S3_BUCKET", s3.createBucket("checkout-bench")));
            ServiceProcess product = start(services, "product", productEnvironment, jvm);
            Map<String, String> warehouseEnvironment = new HashMap<>(shared);
            warehouseEnvironment.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(postgres.createDatabase("checkout_bench_warehouse")));
            ServiceProcess warehouse = start(services, "warehouse", warehouseEnvironment, jvm);
            ServiceProcess shippingCost = start(services, "shipping-cost",
                    Map.of("ESHOP_SECURITY_ISSUER_URI", TestIssuer.get().uri(), "LOGGING_LEVEL_ROOT", "WARN"), jvm);
            Map<String, String> orderEnvironment = new HashMap<>(shared);
            orderEnvironment.putAll(Map.of(
                    "SPRING_DATASOURCE_URL", postgres.jdbcUrl(postgres.createDatabase("checkout_bench_order")),
                    "ESHOP_CLIENTS_PRODUCT_BASEURL", product.baseUrl(),
                    "ESHOP_CLIENTS_WAREHOUSE_BASEURL", warehouse.baseUrl(),
                    "ESHOP_CLIENTS_SHIPPINGCOST_BASEURL", shippingCost.baseUrl(),
                    "ESHOP_CLIENTS_OAUTH_CLIENTID", "order-service",
                    "ESHOP_CLIENTS_OAUTH_CLIENTSECRET", "order-secret"));
            ServiceProcess order = start(services, "order", orderEnvironment, jvm);

            String admin = TestTokens.admin();
            String[][] sites = {{"Central", "10000"}, {"North", "40000"}, {"South", "80000"}};
            for (String[] site : sites) {
                send(warehouse, "POST", "/v1/warehouses", admin, """
                        {"name":"%s","street":"1 Depot Road","city":"Springfield","state":"IL","zip_code":"%s"}"""
                        .formatted(site[0], site[1]));
            }
            String motorcycles = field(send(product, "POST", "/v1/categories", admin, "{\"name\":\"Motorcycles\"}").body(), "id");
            String category = field(send(product, "POST", "/v1/categories", admin,
                    "{\"name\":\"Naked\",\"parent_id\":\"%s\"}".formatted(motorcycles)).body(), "id");
            List<String> products = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                products.add(newProduct(product, admin, category, "Benchmark bike " + i, 10_000));
            }
            String watched = newProduct(product, admin, category, "Watched bike", 10_000);

            String service = TestTokens.service("orders.create");
            System.out.printf("warming up (10 s, %d customers)…%n", customers);
            load(order, service, products, customers, 10);
            Result result = load(order, service, products, customers, seconds);
            System.out.printf("checkout, %d concurrent customers, %d s: %d orders (%.1f orders/s), %d failed; "
                            + "latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    customers, seconds, result.latencies().size(), result.latencies().size() / (double) seconds, result.failures(),
                    percentile(result.latencies(), 50), percentile(result.latencies(), 95), percentile(result.latencies(), 99),
                    percentile(result.latencies(), 100));

            List<Double> lags = new ArrayList<>();
            int expected = 10_000;
            for (int i = 0; i < 100; i++) {
                placeOrder(order, service, List.of(watched));
                long committed = System.nanoTime();
                expected--;
                while (displayedStock(product, watched) != expected) {
                    if (System.nanoTime() - committed > Duration.ofSeconds(30).toNanos()) {
                        throw new IllegalStateException("the displayed stock did not follow within 30 s");
                    }
                }
                lags.add((System.nanoTime() - committed) / 1e6);
            }
            System.out.printf("order committed → displayed stock updated (100 orders, one at a time): "
                            + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    percentile(lags, 50), percentile(lags, 95), percentile(lags, 99), percentile(lags, 100));
        }
        finally {
            services.reversed().forEach(ServiceProcess::close);
        }
    }

    private record Result(List<Double> latencies, int failures) {
    }

    /** Closed loop: each customer places one order after another for the given time. */
    private static Result load(ServiceProcess order, String token, List<String> products, int customers, int seconds)
            throws InterruptedException {
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < customers; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        List<String> lines = random.nextBoolean()
                                ? List.of(products.get(random.nextInt(products.size())))
                                : distinctPair(products, random);
                        try {
                            if (placeOrder(order, token, lines) == 201) {
                                latencies.add((System.nanoTime() - start) / 1e6);
                            }
                            else {
                                failures.incrementAndGet();
                            }
                        }
                        catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        return new Result(new ArrayList<>(latencies), failures.get());
    }

    private static List<String> distinctPair(List<String> products, ThreadLocalRandom random) {
        int first = random.nextInt(products.size());
        int second = (first + 1 + random.nextInt(products.size() - 1)) % products.size();
        return List.of(products.get(first), products.get(second));
    }

    private static int placeOrder(ServiceProcess order, String token, List<String> productIds) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (String productId : productIds) {
            lines.append(lines.isEmpty() ? "" : ",").append("{\"product_id\":\"%s\",\"quantity\":1}".formatted(productId));
        }
        String body = """
                {"user_id":"%s","customer_email":"bench@example.com","customer_name":"Bench Rider","lines":[%s],
                "address":{"street":"1 Main Street","city":"Springfield","state":"IL","zip_code":"%s"}}"""
                .formatted(UUID.randomUUID(), lines, ZIPS[ThreadLocalRandom.current().nextInt(ZIPS.length)]);
        HttpRequest request = HttpRequest.newBuilder(URI.create(order.baseUrl() + "/v1/orders"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String newProduct(ServiceProcess product, String admin, String category, String name, int quantity)
            throws Exception {
        String id = field(send(product, "POST", "/v1/products", admin, """
                {"name":"%s","description":"A motorcycle for benchmarks.","price":12500.00,"category_id":"%s",
                "attributes":{"brand":"Bench","model":"%s","year":2025},"initial_quantity":%d}"""
                .formatted(name, category, name, quantity)).body(), "id");
        while (displayedStock(product, id) != quantity) {
            Thread.sleep(20);
        }
        return id;
    }

    private static int displayedStock(ServiceProcess product, String id) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(product.baseUrl() + "/v1/products/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher stock = Pattern.compile("\"stock\"\\s*:\\s*(\\d+)").matcher(response.body());
        return stock.find() ? Integer.parseInt(stock.group(1)) : -1;
    }

    private static ServiceProcess start(List<ServiceProcess> services, String name, Map<String, String> environment,
            List<String> jvm) {
        ServiceProcess service = ServiceProcess.start(name, environment, jvm);
        services.add(service);
        return service;
    }

    private static double percentile(List<Double> values, int percentile) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static HttpResponse<String> send(ServiceProcess service, String method, String path, String token, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1);
    }
}
