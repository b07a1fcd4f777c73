package dev.eshop.admin;

import dev.eshop.platform.testing.web.FakeServices;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** JSON as the services answer it (services.md §1–§7), for the fake services. */
final class Samples {

    static final UUID CARS = UUID.fromString("0193a4b0-0000-7000-8000-0000000000a1");
    static final UUID SUV = UUID.fromString("0193a4b0-0000-7000-8000-0000000000a2");
    static final UUID SEDAN = UUID.fromString("0193a4b0-0000-7000-8000-0000000000a3");
    static final UUID MOTORCYCLES = UUID.fromString("0193a4b0-0000-7000-8000-0000000000b1");
    static final UUID SPORT_BIKES = UUID.fromString("0193a4b0-0000-7000-8000-0000000000b2");

    static final UUID CENTRAL = UUID.fromString("0193a4b0-0000-7000-8000-0000000000e1");
    static final UUID NORTH = UUID.fromString("0193a4b0-0000-7000-8000-0000000000e2");

    static final String PROBLEMS = "https://eshop.example/problems/";

    private Samples() {
    }

    /** What the services answer when a test says nothing else: a category tree, two warehouses, and empty lists. */
    static void defaults(FakeServices services) {
        services.answer("GET", "/v1/categories", 200, categoryTree());
        services.answer("GET", "/v1/products", 200, page(0, 20, 0));
        services.answer("GET", "/v1/warehouses", 200, page(0, 100, 2, warehouse(CENTRAL, "Central", "10250", true, 3, 14),
                warehouse(NORTH, "North", "10500", false, 1, 2)));
        services.answer("GET", "/v1/stock/products", 200, page(0, 20, 0));
        services.answer("GET", "/v1/stock", 200, page(0, 20, 0));
        services.answer("GET", "/v1/stock-movements", 200, page(0, 20, 0));
        services.answer("GET", "/v1/orders", 200, page(0, 20, 0));
        services.answer("GET", "/v1/payments", 200, page(0, 20, 0));
        services.answer("GET", "/v1/users", 200, page(0, 20, 0));
        services.answer("GET", "/v1/sales/summary", request -> FakeServices.Answer.json(200,
                summary(request.param("from"), request.param("to"), "0.00", 0, 0, "0.00", "0.00")));
        services.answer("GET", "/v1/sales/timeseries", request -> FakeServices.Answer.json(200,
                """
                {"from":"%s","to":"%s","granularity":"day","points":[]}""".formatted(request.param("from"), request.param("to"))));
        services.answer("GET", "/v1/sales/by-category", 200, """
                {"items":[]}""");
        services.answer("GET", "/v1/sales/top-products", 200, """
                {"items":[]}""");
        services.answer("GET", "/v1/sales", 200, page(0, 20, 0));
    }

    /** A page of a list: {@code {items, page, size, total}}. */
    static String page(int page, int size, long total, String... items) {
        return """
                {"items":[%s],"page":%d,"size":%d,"total":%d}""".formatted(String.join(",", items), page, size, total);
    }

    /** A problem document (services.md §0.3); {@code errors} as "field=message" pairs. */
    static String problem(int status, String slug, String detail, String extra, String... errors) {
        String list = Arrays.stream(errors).map(error -> {
            String[] parts = error.split("=", 2);
            return "{\"field\":" + quoted(parts[0]) + ",\"message\":" + quoted(parts[1]) + "}";
        }).collect(Collectors.joining(","));
        return """
                {"type":"%s%s","title":"Problem","status":%d,"detail":%s,"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736"%s%s}"""
                .formatted(PROBLEMS, slug, status, quoted(detail), errors.length == 0 ? "" : ",\"errors\":[" + list + "]",
                        extra == null ? "" : "," + extra);
    }

    static String categoryTree() {
        return "[" + category(CARS, "Cars", "cars", null, 23, "["
                + category(SEDAN, "Sedan", "sedan", CARS, 9, "[]") + ","
                + category(SUV, "SUV", "suv", CARS, 14, "[]") + "]") + ","
                + category(MOTORCYCLES, "Motorcycles", "motorcycles", null, 0, "["
                + category(SPORT_BIKES, "Sport bikes", "sport-bikes", MOTORCYCLES, 0, "[]") + "]") + "]";
    }

    static String category(UUID id, String name, String slug, UUID parent, long count, String children) {
        return """
                {"id":"%s","name":%s,"slug":"%s","parent_id":%s,"position":0,"product_count":%d,"children":%s}"""
                .formatted(id, quoted(name), slug, parent == null ? "null" : "\"" + parent + "\"", count, children);
    }

    static String warehouse(UUID id, String name, String zip, boolean main, long products, long units) {
        return """
                {"id":"%s","name":%s,"street":"1 Dock Road","city":"Springfield","state":"IL","zip_code":"%s","is_main":%s,
                 "product_count":%d,"total_units":%d,"created_at":"2025-01-02T10:00:00Z","updated_at":"2025-01-02T10:00:00Z"}"""
                .formatted(id, quoted(name), zip, main, products, units);
    }

    static String productSummary(UUID id, String sku, String name, String price, String categoryName, int stock, String deletedAt) {
        return """
                {"id":"%s","sku":"%s","name":%s,"price":%s,"category_id":"%s","category_name":%s,"brand":"Mazda","year":2024,
                 "main_image_url":"http://images.test/v1/images/%s.jpg","thumbnail_url":"http://images.test/v1/images/%s-thumb.jpg",
                 "stock":%d,"in_stock":%s,"created_at":"2025-01-05T09:00:00Z","updated_at":"2025-01-09T08:01:46Z","deleted_at":%s}"""
                .formatted(id, sku, quoted(name), price, SUV, quoted(categoryName), id, id, stock, stock > 0,
                        deletedAt == null ? "null" : "\"" + deletedAt + "\"");
    }

    /** A product with the attributes of services.md §2.2 and one picture. */
    static String productDetail(UUID id, String name, String price, long version, String attributes, String images) {
        return """
                {"id":"%1$s","sku":"SKU-7Q2M4K9D","name":%2$s,"price":%3$s,"category_id":"%4$s","category_name":"SUV","brand":"Mazda",
                 "year":2024,"main_image_url":null,"thumbnail_url":null,"stock":6,"in_stock":true,
                 "created_at":"2025-01-05T09:00:00Z","updated_at":"2025-01-09T08:01:46Z","deleted_at":null,
                 "description":"A family SUV.","attributes":%5$s,"images":%6$s,
                 "category":{"id":"%4$s","name":"SUV","slug":"suv","parent":{"id":"%7$s","name":"Cars","slug":"cars","parent":null}},
                 "version":%8$d}"""
                .formatted(id, quoted(name), price, SUV, attributes, images, CARS, version);
    }

    static String image(UUID id, boolean main, int position) {
        return """
                {"id":"%1$s","url":"http://images.test/v1/images/%1$s.jpg","thumbnail_url":"http://images.test/v1/images/%1$s-thumb.jpg",
                 "main":%2$s,"position":%3$d}""".formatted(id, main, position);
    }

    /** A product's stock with its warehouses as "id:name:quantity". */
    static String productStock(UUID id, String sku, String name, int total, int reserved, boolean low, String... places) {
        String list = Arrays.stream(places).map(place -> {
            String[] parts = place.split(":");
            return """
                    {"warehouse_id":"%s","warehouse_name":%s,"quantity":%s}""".formatted(parts[0], quoted(parts[1]), parts[2]);
        }).collect(Collectors.joining(","));
        return """
                {"product_id":"%s","sku":"%s","product_name":%s,"total":%d,"reserved":%d,"low_stock":%s,"deleted":false,"warehouses":[%s]}"""
                .formatted(id, sku, quoted(name), total, reserved, low, list);
    }

    static String stockRow(UUID warehouse, String warehouseName, UUID product, String sku, String name, int quantity) {
        return """
                {"warehouse_id":"%s","warehouse_name":%s,"product_id":"%s","sku":"%s","product_name":%s,"quantity":%d,
                 "low_stock":%s,"updated_at":"2025-01-09T08:01:46Z"}"""
                .formatted(warehouse, quoted(warehouseName), product, sku, quoted(name), quantity, quantity < 5);
    }

    static String movement(String type, UUID product, String sku, String name, int quantity, UUID from, String fromName, UUID to,
                           String toName, UUID order, String actorName, String note) {
        return """
                {"id":"%s","type":"%s","product_id":"%s","sku":"%s","product_name":%s,"quantity":%d,
                 "from_warehouse_id":%s,"from_warehouse_name":%s,"to_warehouse_id":%s,"to_warehouse_name":%s,"order_id":%s,
                 "actor_id":null,"actor_name":%s,"note":%s,"created_at":"2025-01-09T08:01:46Z"}"""
                .formatted(UUID.randomUUID(), type, product, sku, quoted(name), quantity, idOrNull(from), quoted(fromName), idOrNull(to),
                        quoted(toName), idOrNull(order), quoted(actorName), quoted(note));
    }

    static String orderSummary(UUID id, String status, String total, int vehicles, String customerName, String email) {
        return """
                {"id":"%s","status":"%s","total":%s,"currency":"USD","line_count":1,"item_count":%d,"first_item_name":"Mazda CX-60",
                 "thumbnail_url":null,"payment_due_at":"2025-01-10T08:01:46Z","created_at":"2025-01-09T08:01:46Z",
                 "user_id":"%s","customer_email":%s,"customer_name":%s}"""
                .formatted(id, status, total, vehicles, UUID.randomUUID(), quoted(email), quoted(customerName));
    }

    /** An order with one line, one shipment and the given history ("FROM>TO@time:note:text", FROM empty for creation). */
    static String orderDetail(UUID id, String status, String total, String payment, String actions, String... history) {
        String entries = Arrays.stream(history).map(Samples::historyEntry).collect(Collectors.joining(","));
        return """
                {"id":"%1$s","user_id":"%2$s","customer_email":"carl.customer@example.com","customer_name":"Carl Customer",
                 "status":"%3$s","currency":"USD","version":3,
                 "lines":[{"product_id":"%4$s","sku":"SKU-7Q2M4K9D","product_name":"Mazda CX-60","category_name":"SUV",
                           "image_url":null,"quantity":1,"unit_price":70000.00,"line_total":70000.00}],
                 "shipments":[{"warehouse_id":"%5$s","warehouse_name":"Central","from_zip":"10250","vehicles":1,"shipping_cost":105.00,
                               "items":[{"product_id":"%4$s","product_name":"Mazda CX-60","quantity":1}]}],
                 "address":{"street":"5 Elm Street","city":"Springfield","state":"IL","zip_code":"10000","note":"Ring twice"},
                 "subtotal":70000.00,"shipping_total":105.00,"total":%6$s,"payment_due_at":"2025-01-10T08:01:46Z",
                 "payment_seconds_left":null,"payment":%7$s,"history":[%8$s],"allowed_actions":[%9$s],
                 "created_at":"2025-01-09T08:01:46Z","updated_at":"2025-01-09T09:01:46Z","paid_at":null,"shipped_at":null,
                 "delivered_at":null}"""
                .formatted(id, CUSTOMER_ID, status, UUID.randomUUID(), CENTRAL, total, payment == null ? "null" : payment, entries,
                        actions == null ? "" : actions);
    }

    static final UUID CUSTOMER_ID = UUID.fromString("0193a4b0-0000-7000-8000-00000000c001");

    private static String historyEntry(String entry) {
        String[] change = entry.split("@", 2);
        String[] statuses = change[0].split(">");
        String[] when = change[1].split(":note:", 2);
        return """
                {"from_status":%s,"to_status":"%s","reason":"TEST","note":%s,"actor_role":"ADMIN","actor_name":"Ada Admin","at":"%s"}"""
                .formatted(statuses[0].isEmpty() ? "null" : "\"" + statuses[0] + "\"", statuses[1],
                        when.length > 1 ? quoted(when[1]) : "null", when[0]);
    }

    static String payment(UUID id, UUID orderId, String status, String amount, String orderTotal, String orderStatus, String customerNote,
                          String adminNote) {
        return """
                {"id":"%s","order_id":"%s","user_id":"%s","status":"%s","amount":%s,"customer_note":%s,"admin_note":%s,
                 "reviewed_by":null,"reviewed_by_name":%s,"reviewed_at":%s,"image_url":"/v1/payments/%1$s/image",
                 "thumbnail_url":"/v1/payments/%1$s/image?variant=thumbnail",
                 "order":{"status":"%s","total":%s,"payment_due_at":"2025-01-10T08:01:46Z"},
                 "created_at":"2025-01-09T09:02:00Z","updated_at":"2025-01-09T09:02:00Z"}"""
                .formatted(id, orderId, CUSTOMER_ID, status, amount, quoted(customerNote), quoted(adminNote),
                        status.equals("PENDING") ? "null" : "\"Ada Admin\"", status.equals("PENDING") ? "null" : "\"2025-01-09T10:00:00Z\"",
                        orderStatus, orderTotal);
    }

    static String user(UUID id, String name, String email, String role, boolean enabled) {
        return """
                {"id":"%s","email":%s,"name":%s,"role":"%s","enabled":%s,"created_at":"2025-01-02T10:00:00Z","last_login_at":null}"""
                .formatted(id, quoted(email), quoted(name), role, enabled);
    }

    static String summary(String from, String to, String revenue, long orders, long units, String average, String margin) {
        return """
                {"from":"%s","to":"%s","currency":"USD","revenue":%s,"orders":%d,"units":%d,"average_order_value":%s,"margin":%s}"""
                .formatted(from == null ? LocalDate.now() : from, to == null ? LocalDate.now() : to, revenue, orders, units, average, margin);
    }

    static String idOrNull(UUID id) {
        return id == null ? "null" : "\"" + id + "\"";
    }

    /** A JSON string, or null. */
    static String quoted(String text) {
        return text == null ? "null" : FakeServices.JSON.writeValueAsString(text);
    }
}
