package dev.eshop.order;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands in for the three services order calls, on one HTTP server on 127.0.0.1, answering as the
 * spec says (services.md §2.4 lookup, §6.2–6.3 plan, reserve and release, §8 shipping cost) and
 * recording every call:
 * <ul>
 * <li>product {@code POST /v1/products/lookup}: the products added with {@link #product}, deleted ones
 * with {@code available: false}, unknown ids in {@code missing};</li>
 * <li>warehouse {@code POST /v1/stock/plan}, {@code POST /v1/reservations} and
 * {@code POST /v1/reservations/{order_id}/release}: greedy from the nearest warehouse, all or
 * nothing (409 {@code insufficient-stock}, names left null as for products warehouse never heard
 * of), idempotent by order id (same lines → 200, other lines → 409 {@code duplicate}, released → 409
 * {@code invalid-state}), a release gives the units back once and leaves a tombstone for unknown ids;</li>
 * <li>shipping-cost {@code POST /shipping-cost}: (100.00 + 0.02 × |from − to|) × vehicles.</li>
 * </ul>
 * Each can be made to answer 503 ({@link #productDown}, {@link #warehouseDown}, {@link #shippingDown}).
 * Calls without a bearer token get 401.
 */
public final class ServiceStubs {

    public record Call(String method, String path, JsonNode body, String authorization) {
    }

    public record Product(UUID id, String sku, String name, BigDecimal price, UUID categoryId, String categoryName,
                          String thumbnailUrl, boolean available) {
    }

    public record Warehouse(UUID id, String name, String zipCode) {
    }

    private record Reservation(UUID orderId, Map<UUID, Integer> lines, List<Map<String, Object>> allocations,
                               List<Take> takes, String status) {
    }

    private record Take(UUID warehouseId, UUID productId, int quantity) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<UUID, Product> products = new ConcurrentHashMap<>();
    private final List<Warehouse> warehouses = new CopyOnWriteArrayList<>();
    private final Map<UUID, Map<UUID, Integer>> stock = new HashMap<>();
    private final Map<UUID, Reservation> reservations = new HashMap<>();
    private final Map<UUID, Warehouse> homes = new ConcurrentHashMap<>();

    public volatile boolean productDown;
    public volatile boolean warehouseDown;
    public volatile boolean shippingDown;
    /** shipping-cost answers 403, as it does for a token without {@code shipping.quote}. */
    public volatile boolean shippingRefusesToken;

    private ServiceStubs() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "service-stubs-stop"));
    }

    public static ServiceStubs start() {
        return new ServiceStubs();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Everything working again and the call log emptied (products, stock and reservations stay). */
    public void reset() {
        productDown = false;
        warehouseDown = false;
        shippingDown = false;
        shippingRefusesToken = false;
        calls.clear();
    }

    // Arranging

    public Product product(String name, String price) {
        UUID id = UUID.randomUUID();
        Product product = new Product(id, "SKU-" + id.toString().substring(0, 8).toUpperCase(), name, new BigDecimal(price),
                UUID.randomUUID(), "SUV", "https://cdn.eshop.example/" + id + "-thumb.jpg", true);
        products.put(id, product);
        return product;
    }

    public Product deleted(String name, String price) {
        Product product = product(name, price);
        Product deleted = new Product(product.id(), product.sku(), product.name(), product.price(), product.categoryId(),
                product.categoryName(), product.thumbnailUrl(), false);
        products.put(product.id(), deleted);
        return deleted;
    }

    /** The product's new price, as after an admin's edit. */
    public void reprice(Product product, String price) {
        products.computeIfPresent(product.id(), (id, p) -> new Product(id, p.sku(), p.name(), new BigDecimal(price), p.categoryId(),
                p.categoryName(), p.thumbnailUrl(), p.available()));
    }

    public Warehouse warehouse(String name, String zipCode) {
        Warehouse warehouse = new Warehouse(UUID.randomUUID(), name, zipCode);
        warehouses.add(warehouse);
        return warehouse;
    }

    public synchronized void stock(Warehouse warehouse, Product product, int quantity) {
        homes.putIfAbsent(product.id(), warehouse);
        stock.computeIfAbsent(warehouse.id(), id -> new HashMap<>()).put(product.id(), quantity);
    }

    /** The first warehouse given stock of the product. */
    public Warehouse warehouseOf(Product product) {
        return homes.get(product.id());
    }

    /** Releases as warehouse does when order (or its sweeper) asks. */
    public synchronized void release(UUID orderId) {
        releaseReservation(orderId);
    }

    public synchronized int stockOf(Warehouse warehouse, Product product) {
        return stock.getOrDefault(warehouse.id(), Map.of()).getOrDefault(product.id(), 0);
    }

    /** Reserves as if an earlier checkout had (e.g. one whose process died before saving the order). */
    public synchronized void reserved(UUID orderId, String zipCode, Product product, int quantity) {
        Object answer = reserve(orderId, zipCode, Map.of(product.id(), quantity));
        if (!(answer instanceof Map<?, ?>)) {
            throw new IllegalStateException("could not reserve: " + answer);
        }
    }

    public synchronized String reservationStatus(UUID orderId) {
        Reservation reservation = reservations.get(orderId);
        return reservation == null ? null : reservation.status();
    }

    // What was asked

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method, String pathPrefix) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().startsWith(pathPrefix)).toList();
    }

    /** The reserve calls made for this order id. */
    public List<Call> reserveCalls(UUID orderId) {
        return calls("POST", "/v1/reservations").stream()
                .filter(c -> c.path().equals("/v1/reservations") && orderId.toString().equals(c.body().path("order_id").asString()))
                .toList();
    }

    /** The reserve calls made for this user. */
    public List<Call> reserveCallsOf(UUID userId) {
        return calls("POST", "/v1/reservations").stream()
                .filter(c -> c.path().equals("/v1/reservations") && userId.toString().equals(c.body().path("user_id").asString()))
                .toList();
    }

    public List<Call> releaseCalls(UUID orderId) {
        return calls("POST", "/v1/reservations/" + orderId + "/release");
    }

    // Serving

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            calls.add(new Call(method, path, body, authorization));
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                respond(exchange, 401, problem(401, "unauthenticated", "No token."));
                return;
            }
            if (!method.equals("POST")) {
                respond(exchange, 405, problem(405, "method-not-allowed", method + " is not allowed."));
                return;
            }
            if (path.equals("/v1/products/lookup")) {
                if (productDown) {
                    respond(exchange, 503, problem(503, "internal", "Down."));
                    return;
                }
                respond(exchange, 200, lookup(body));
            }
            else if (path.startsWith("/v1/stock/plan") || path.startsWith("/v1/reservations")) {
                if (warehouseDown) {
                    respond(exchange, 503, problem(503, "internal", "Down."));
                    return;
                }
                warehouse(exchange, path, body);
            }
            else if (path.equals("/shipping-cost")) {
                if (shippingDown) {
                    respond(exchange, 503, problem(503, "internal", "Down."));
                    return;
                }
                if (shippingRefusesToken) {
                    respond(exchange, 403, problem(403, "forbidden", "Your account may not do this."));
                    return;
                }
                respond(exchange, 200, shippingCost(body));
            }
            else {
                respond(exchange, 404, problem(404, "not-found", "No such path: " + path));
            }
        }
        catch (RuntimeException e) {
            respond(exchange, 500, problem(500, "internal", e.toString()));
        }
    }

    private Map<String, Object> lookup(JsonNode body) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (JsonNode id : body.path("ids")) {
            Product product = products.get(UUID.fromString(id.asString()));
            if (product == null) {
                missing.add(id.asString());
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", product.id());
            item.put("sku", product.sku());
            item.put("name", product.name());
            item.put("price", product.price());
            item.put("category_id", product.categoryId());
            item.put("category_name", product.categoryName());
            item.put("thumbnail_url", product.thumbnailUrl());
            item.put("stock", 5);
            item.put("available", product.available());
            items.add(item);
        }
        return Map.of("items", items, "missing", missing);
    }

    private synchronized void warehouse(HttpExchange exchange, String path, JsonNode body) throws IOException {
        if (path.equals("/v1/stock/plan")) {
            Object plan = allocate(body.path("zip_code").asString(), lines(body), false, null);
            answer(exchange, plan, 200);
        }
        else if (path.equals("/v1/reservations")) {
            UUID orderId = UUID.fromString(body.path("order_id").asString());
            boolean repeat = reservations.containsKey(orderId);
            answer(exchange, reserve(orderId, body.path("zip_code").asString(), lines(body)), repeat ? 200 : 201);
        }
        else if (path.matches("/v1/reservations/[^/]+/release")) {
            UUID orderId = UUID.fromString(path.split("/")[3]);
            releaseReservation(orderId);
            respond(exchange, 200, Map.of("order_id", orderId, "status", "RELEASED"));
        }
        else {
            respond(exchange, 404, problem(404, "not-found", "No such path: " + path));
        }
    }

    private void releaseReservation(UUID orderId) {
        Reservation reservation = reservations.get(orderId);
        if (reservation == null) {
            reservations.put(orderId, new Reservation(orderId, Map.of(), List.of(), List.of(), "RELEASED"));
        }
        else if (reservation.status().equals("HELD")) {
            for (Take take : reservation.takes()) {
                stock.get(take.warehouseId()).merge(take.productId(), take.quantity(), Integer::sum);
            }
            reservations.put(orderId, new Reservation(orderId, reservation.lines(), reservation.allocations(), reservation.takes(),
                    "RELEASED"));
        }
    }

    private void answer(HttpExchange exchange, Object result, int success) throws IOException {
        if (result instanceof Problem problem) {
            respond(exchange, problem.status(), problem.body());
        }
        else {
            respond(exchange, success, result);
        }
    }

    private record Problem(int status, Map<String, Object> body) {
    }

    private Object reserve(UUID orderId, String zipCode, Map<UUID, Integer> lines) {
        Reservation existing = reservations.get(orderId);
        if (existing != null) {
            if (existing.status().equals("RELEASED")) {
                return new Problem(409, problem(409, "invalid-state", "The reservation of order " + orderId + " was released."));
            }
            if (!existing.lines().equals(lines)) {
                return new Problem(409, problem(409, "duplicate", "Order " + orderId + " already has a reservation with other lines."));
            }
            return Map.of("order_id", orderId, "status", existing.status(), "allocations", existing.allocations());
        }
        List<Take> takes = new ArrayList<>();
        Object plan = allocate(zipCode, lines, true, takes);
        if (plan instanceof Problem) {
            return plan;
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> allocations = (List<Map<String, Object>>) ((Map<String, Object>) plan).get("allocations");
        reservations.put(orderId, new Reservation(orderId, Map.copyOf(lines), allocations, takes, "HELD"));
        return Map.of("order_id", orderId, "status", "HELD", "allocations", allocations);
    }

    /** Greedy from the nearest warehouse (then by id), all or nothing; takes the units when {@code take}. */
    private Object allocate(String zipCode, Map<UUID, Integer> lines, boolean take, List<Take> takes) {
        int zip = Integer.parseInt(zipCode);
        List<Warehouse> nearest = warehouses.stream()
                .sorted(Comparator.comparingInt((Warehouse w) -> Math.abs(Integer.parseInt(w.zipCode()) - zip))
                        .thenComparing(w -> w.id().toString()))
                .toList();
        List<Map<String, Object>> shortProducts = new ArrayList<>();
        Map<UUID, Map<UUID, Integer>> byWarehouse = new LinkedHashMap<>();
        for (Map.Entry<UUID, Integer> line : lines.entrySet()) {
            Product product = products.get(line.getKey());
            int available = product == null || !product.available() ? 0 : nearest.stream()
                    .mapToInt(w -> stock.getOrDefault(w.id(), Map.of()).getOrDefault(line.getKey(), 0)).sum();
            if (available < line.getValue()) {
                Map<String, Object> shortProduct = new LinkedHashMap<>();
                shortProduct.put("product_id", line.getKey());
                shortProduct.put("name", null);
                shortProduct.put("requested", line.getValue());
                shortProduct.put("available", available);
                shortProducts.add(shortProduct);
                continue;
            }
            int needed = line.getValue();
            for (Warehouse warehouse : nearest) {
                int here = stock.getOrDefault(warehouse.id(), Map.of()).getOrDefault(line.getKey(), 0);
                int taken = Math.min(here, needed);
                if (taken > 0) {
                    byWarehouse.computeIfAbsent(warehouse.id(), id -> new LinkedHashMap<>()).put(line.getKey(), taken);
                    needed -= taken;
                }
                if (needed == 0) {
                    break;
                }
            }
        }
        if (!shortProducts.isEmpty()) {
            String detail = shortProducts.stream().map(p -> "Only " + p.get("available") + " of null are available")
                    .reduce((a, b) -> a + "; " + b).orElse("") + ".";
            Map<String, Object> problem = problem(409, "insufficient-stock", detail);
            problem.put("short_products", shortProducts);
            return new Problem(409, problem);
        }
        List<Map<String, Object>> allocations = new ArrayList<>();
        for (Warehouse warehouse : nearest) {
            Map<UUID, Integer> items = byWarehouse.get(warehouse.id());
            if (items == null) {
                continue;
            }
            List<Map<String, Object>> itemList = new ArrayList<>();
            items.forEach((productId, quantity) -> {
                itemList.add(Map.of("product_id", productId, "quantity", quantity));
                if (take) {
                    stock.get(warehouse.id()).merge(productId, -quantity, Integer::sum);
                    takes.add(new Take(warehouse.id(), productId, quantity));
                }
            });
            allocations.add(Map.of("warehouse_id", warehouse.id(), "warehouse_name", warehouse.name(), "zip_code",
                    warehouse.zipCode(), "distance", Math.abs(Integer.parseInt(warehouse.zipCode()) - zip), "items", itemList));
        }
        return Map.of("allocations", allocations);
    }

    private static Map<UUID, Integer> lines(JsonNode body) {
        Map<UUID, Integer> lines = new LinkedHashMap<>();
        for (JsonNode line : body.path("lines")) {
            lines.put(UUID.fromString(line.path("product_id").asString()), line.path("quantity").asInt());
        }
        return lines;
    }

    private static Map<String, Object> shippingCost(JsonNode body) {
        int from = Integer.parseInt(body.path("from_zip").asString());
        int to = Integer.parseInt(body.path("to_zip").asString());
        int vehicles = body.path("vehicles").asInt();
        BigDecimal cost = new BigDecimal("100.00").add(new BigDecimal("0.02").multiply(BigDecimal.valueOf(Math.abs(from - to))))
                .multiply(BigDecimal.valueOf(vehicles)).setScale(2, RoundingMode.HALF_UP);
        return Map.of("shipping_cost", cost, "distance", Math.abs(from - to), "vehicles", vehicles);
    }

    /** What the real formula gives (services.md §8.1), for expectations. */
    public static BigDecimal expectedShipping(String fromZip, String toZip, int vehicles) {
        return new BigDecimal("100.00")
                .add(new BigDecimal("0.02").multiply(BigDecimal.valueOf(Math.abs(Integer.parseInt(fromZip) - Integer.parseInt(toZip)))))
                .multiply(BigDecimal.valueOf(vehicles)).setScale(2, RoundingMode.HALF_UP);
    }

    private static Map<String, Object> problem(int status, String slug, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://eshop.example/problems/" + slug);
        problem.put("title", slug);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(Objects.requireNonNull(body));
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
