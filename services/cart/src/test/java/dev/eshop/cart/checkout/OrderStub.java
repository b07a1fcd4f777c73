package dev.eshop.cart.checkout;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands in for order's {@code POST /v1/orders} (spec/services.md §4.3–4.4) on 127.0.0.1: it records every
 * request, answers 201 with an OrderDetail for a new (user, Idempotency-Key) and 200 with the same order for
 * a key the user already used (without looking at the body, as order does), and can be told what to answer
 * next: a problem, or "make the order but lose the reply" (a 500 after saving it).
 */
final class OrderStub implements AutoCloseable {

    /** One request as order received it. */
    record Received(String authorization, String idempotencyKey, JsonNode body) {
    }

    private sealed interface Next {
    }

    private record Problem(int status, String json) implements Next {
    }

    private record LoseReply() implements Next {
    }

    static final BigDecimal UNIT_PRICE = new BigDecimal("1000.00");
    static final BigDecimal SHIPPING = new BigDecimal("105.00");

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> orders = new ConcurrentHashMap<>();
    private final Queue<Next> next = new ConcurrentLinkedQueue<>();

    OrderStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/orders", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The next call is answered with this problem (type {@code …/problems/{slug}}) and its extra members. */
    void answerNext(int status, String slug, String detail, Map<String, Object> members) {
        ObjectNode problem = json.createObjectNode();
        problem.put("type", "https://eshop.example/problems/" + slug);
        problem.put("title", slug);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", "/v1/orders");
        members.forEach((name, value) -> problem.set(name, json.valueToTree(value)));
        next.add(new Problem(status, problem.toString()));
    }

    /** The next call makes the order but answers 500, as if the reply had been lost. */
    void loseNextReply() {
        next.add(new LoseReply());
    }

    void reset() {
        received.clear();
        next.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "{}");
            return;
        }
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), key, body));
        Next scripted = next.poll();
        if (scripted instanceof Problem problem) {
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            respond(exchange, problem.status(), problem.json());
            return;
        }
        String owner = body.path("user_id").asString() + " " + key;
        String existing = orders.get(owner);
        if (existing != null) {
            respond(exchange, 200, existing);
            return;
        }
        String order = order(body);
        orders.put(owner, order);
        if (scripted instanceof LoseReply) {
            respond(exchange, 500, "{\"type\":\"https://eshop.example/problems/internal\",\"status\":500}");
            return;
        }
        exchange.getResponseHeaders().set("Location", "/v1/orders/" + json.readTree(order).path("id").asString());
        respond(exchange, 201, order);
    }

    /** An OrderDetail as order answers it: every unit at {@link #UNIT_PRICE}, one shipment at {@link #SHIPPING}. */
    private String order(JsonNode request) {
        ObjectNode order = json.createObjectNode();
        order.put("id", UUID.randomUUID().toString());
        order.put("user_id", request.path("user_id").asString());
        order.put("customer_email", request.path("customer_email").asString());
        order.put("customer_name", request.path("customer_name").asString());
        order.put("status", "PENDING_PAYMENT");
        order.put("currency", "USD");
        order.put("version", 1);
        ArrayNode lines = order.putArray("lines");
        BigDecimal subtotal = BigDecimal.ZERO;
        for (JsonNode line : request.path("lines")) {
            BigDecimal lineTotal = UNIT_PRICE.multiply(BigDecimal.valueOf(line.path("quantity").asInt()));
            ObjectNode out = lines.addObject();
            out.put("product_id", line.path("product_id").asString());
            out.put("sku", "SKU-TEST");
            out.put("product_name", "A vehicle");
            out.put("category_name", "SUV");
            out.putNull("image_url");
            out.put("quantity", line.path("quantity").asInt());
            out.put("unit_price", UNIT_PRICE);
            out.put("line_total", lineTotal);
            subtotal = subtotal.add(lineTotal);
        }
        order.putArray("shipments");
        order.set("address", request.path("address"));
        order.put("subtotal", subtotal);
        order.put("shipping_total", SHIPPING);
        order.put("total", subtotal.add(SHIPPING));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        order.put("payment_due_at", now.plus(24, ChronoUnit.HOURS).toString());
        order.put("payment_seconds_left", 86400);
        order.putNull("payment");
        order.putArray("history");
        order.putArray("allowed_actions").add("CANCEL").add("UPLOAD_PAYMENT");
        order.put("created_at", now.toString());
        order.put("updated_at", now.toString());
        return order.toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
