package dev.eshop.storefront;

import dev.eshop.platform.testing.web.FakeServices;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** JSON as the services answer it (services.md §2–§5), for the fake services. */
final class Samples {

    static final UUID CUSTOMER_ID = UUID.fromString("0193a4b0-0000-7000-8000-00000000c001");
    static final UUID CARS = UUID.fromString("0193a4b0-0000-7000-8000-0000000000a1");
    static final UUID SUV = UUID.fromString("0193a4b0-0000-7000-8000-0000000000a2");
    static final UUID SEDAN = UUID.fromString("0193a4b0-0000-7000-8000-0000000000a3");
    static final UUID MOTORCYCLES = UUID.fromString("0193a4b0-0000-7000-8000-0000000000b1");
    static final UUID SPORT_BIKES = UUID.fromString("0193a4b0-0000-7000-8000-0000000000b2");

    static final String PROBLEMS = "https://eshop.example/problems/";

    private Samples() {
    }

    /** What the services answer when a test says nothing else: a category tree, no products, an empty cart, no orders. */
    static void defaults(FakeServices services) {
        services.answer("GET", "/v1/categories", 200, categoryTree());
        services.answer("GET", "/v1/categories/cars", 200, category(CARS, "Cars", "cars", null, 23, """
                [%s, %s]""".formatted(category(SEDAN, "Sedan", "sedan", CARS, 9, "[]"), category(SUV, "SUV", "suv", CARS, 14, "[]"))));
        services.answer("GET", "/v1/categories/suv", 200, category(SUV, "SUV", "suv", CARS, 14, "[]"));
        services.answer("GET", "/v1/categories/motorcycles", 200, category(MOTORCYCLES, "Motorcycles", "motorcycles", null, 11, """
                [%s]""".formatted(category(SPORT_BIKES, "Sport bikes", "sport-bikes", MOTORCYCLES, 11, "[]"))));
        services.answer("GET", "/v1/products", 200, page(0, 24, 0));
        services.answer("GET", "/v1/products/facets", 200, """
                {"brands":[],"price_min":null,"price_max":null,"year_min":null,"year_max":null}""");
        services.answer("GET", "/v1/carts/me", 200, cart());
        services.answer("GET", "/v1/orders/me", 200, """
                {"items":[],"page":0,"size":10,"total":0}""");
    }

    static String categoryTree() {
        return "[" + category(CARS, "Cars", "cars", null, 23, "[" + category(SEDAN, "Sedan", "sedan", CARS, 9, "[]") + ","
                + category(SUV, "SUV", "suv", CARS, 14, "[]") + "]") + ","
                + category(MOTORCYCLES, "Motorcycles", "motorcycles", null, 11,
                "[" + category(SPORT_BIKES, "Sport bikes", "sport-bikes", MOTORCYCLES, 11, "[]") + "]") + "]";
    }

    static String category(UUID id, String name, String slug, UUID parent, long count, String children) {
        return """
                {"id":"%s","name":"%s","slug":"%s","parent_id":%s,"position":0,"product_count":%d,"children":%s}"""
                .formatted(id, name, slug, parent == null ? "null" : "\"" + parent + "\"", count, children);
    }

    /** A product in a list. */
    static String product(UUID id, String name, String price, String brand, Integer year, int stock) {
        return """
                {"id":"%s","sku":"SKU-TEST0001","name":%s,"price":%s,"category_id":"%s","category_name":"SUV","brand":%s,"year":%s,
                 "main_image_url":"http://images.test/v1/images/%s.jpg","thumbnail_url":"http://images.test/v1/images/%s-thumb.jpg",
                 "stock":%d,"in_stock":%s,"created_at":"2025-01-09T08:01:46Z","updated_at":"2025-01-09T08:01:46Z"}"""
                .formatted(id, quoted(name), price, SUV, brand == null ? "null" : quoted(brand), year == null ? "null" : year, id, id,
                        stock, stock > 0);
    }

    /** A page of a list: {@code {items, page, size, total}}. */
    static String page(int page, int size, long total, String... items) {
        return """
                {"items":[%s],"page":%d,"size":%d,"total":%d}""".formatted(String.join(",", items), page, size, total);
    }

    /** A product's page, in SUV under Cars, with two pictures: the main one ({@code <id>-1}) is listed second but placed first. */
    static String productDetail(UUID id, String name, String price, int stock, String attributes, String description) {
        return """
                {"id":"{id}","sku":"SKU-TEST0001","name":{name},"price":{price},"category_id":"{suv}","category_name":"SUV","brand":"Mazda",
                 "year":2024,"main_image_url":"http://images.test/v1/images/{first}.jpg","thumbnail_url":"http://images.test/v1/images/{first}-thumb.jpg",
                 "stock":{stock},"in_stock":{inStock},"created_at":"2025-01-09T08:01:46Z","updated_at":"2025-01-09T08:01:46Z",
                 "description":{description},"attributes":{attributes},
                 "images":[{"id":"{second}","url":"http://images.test/v1/images/{second}.jpg","thumbnail_url":"http://images.test/v1/images/{second}-thumb.jpg","main":false,"position":1},
                           {"id":"{first}","url":"http://images.test/v1/images/{first}.jpg","thumbnail_url":"http://images.test/v1/images/{first}-thumb.jpg","main":true,"position":0}],
                 "category":{"id":"{suv}","name":"SUV","slug":"suv","parent":{"id":"{cars}","name":"Cars","slug":"cars","parent":null}},
                 "version":3}"""
                .replace("{id}", id.toString()).replace("{name}", quoted(name)).replace("{price}", price).replace("{suv}", SUV.toString())
                .replace("{cars}", CARS.toString()).replace("{first}", image(id, 1).toString()).replace("{second}", image(id, 2).toString())
                .replace("{stock}", Integer.toString(stock)).replace("{inStock}", Boolean.toString(stock > 0))
                .replace("{description}", quoted(description)).replace("{attributes}", attributes);
    }

    /** The id of a product's n-th picture in {@link #productDetail}. */
    static UUID image(UUID productId, int n) {
        return new UUID(productId.getMostSignificantBits(), n);
    }

    /** A cart line; {@code problem} is null or one of cart's line problems. */
    static String cartLine(UUID productId, String name, String unitPrice, int quantity, int stock, String problem, String note) {
        BigDecimal total = new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity));
        return """
                {"product_id":"%s","product_name":%s,"image_url":"http://images.test/v1/images/%s-thumb.jpg","unit_price":%s,
                 "quantity":%d,"line_total":%s,"note":%s,"stock":%d,"max_quantity":%d,"problem":%s}"""
                .formatted(productId, quoted(name), productId, unitPrice, quantity, total.setScale(2).toPlainString(),
                        note == null ? "null" : quoted(note), stock, Math.min(10, stock), problem == null ? "null" : quoted(problem));
    }

    /** A cart; its totals are added up from the lines, as cart does. */
    static String cart(String... lines) {
        int units = 0;
        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        for (String line : lines) {
            var json = FakeServices.JSON.readTree(line);
            units += json.path("quantity").asInt();
            subtotal = subtotal.add(new BigDecimal(json.path("line_total").asString()));
        }
        return """
                {"user_id":"%s","lines":[%s],"total_quantity":%d,"subtotal":%s,"updated_at":"2025-01-09T08:01:46Z"}"""
                .formatted(CUSTOMER_ID, String.join(",", lines), units, subtotal.toPlainString());
    }

    /** A problem document. */
    static String problem(int status, String slug, String detail, String extra) {
        return """
                {"type":"%s%s","title":"%s","status":%d,"detail":%s,"instance":"/v1/test","trace_id":"4bf92f3577b34da6a3ce929d0e0e4736"%s}"""
                .formatted(PROBLEMS, slug, slug, status, quoted(detail), extra == null || extra.isEmpty() ? "" : "," + extra);
    }

    /** A quote: lines, one shipment from Central, totals. */
    static String quote(String lineName, String unitPrice, int quantity, String shipping) {
        BigDecimal subtotal = new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity)).setScale(2);
        BigDecimal total = subtotal.add(new BigDecimal(shipping));
        return """
                {"lines":[{"product_id":"%s","product_name":%s,"image_url":null,"quantity":%d,"unit_price":%s,"line_total":%s}],
                 "shipments":[{"warehouse_id":"%s","warehouse_name":"Central","from_zip":"10250","vehicles":%d,"shipping_cost":%s,"items":[]}],
                 "subtotal":%s,"shipping_total":%s,"total":%s,"currency":"USD"}"""
                .formatted(UUID.randomUUID(), quoted(lineName), quantity, unitPrice, subtotal.toPlainString(), UUID.randomUUID(), quantity,
                        shipping, subtotal.toPlainString(), shipping, total.toPlainString());
    }

    /** An order as its owner sees it; history entries are "FROM>TO@instant[:note]". */
    static String order(UUID id, String status, String total, Instant dueAt, Long secondsLeft, String payment, List<String> actions,
                        String... history) {
        String entries = Arrays.stream(history).map(Samples::historyEntry).collect(Collectors.joining(","));
        return """
                {"id":"%s","user_id":"%s","customer_email":"carl@example.com","customer_name":"Carl Customer","status":"%s","currency":"USD",
                 "version":1,
                 "lines":[{"product_id":"%s","sku":"SKU-TEST0001","product_name":"Mazda CX-60","category_name":"SUV","image_url":null,
                           "quantity":1,"unit_price":68500.00,"line_total":68500.00}],
                 "shipments":[{"warehouse_id":"%s","warehouse_name":"Central","from_zip":"10250","vehicles":1,"shipping_cost":105.00,"items":[]}],
                 "address":{"street":"1 Main Street","city":"Springfield","state":"Illinois","zip_code":"10000","note":"Please call me first"},
                 "subtotal":68500.00,"shipping_total":105.00,"total":%s,"payment_due_at":"%s","payment_seconds_left":%s,"payment":%s,
                 "history":[%s],"allowed_actions":[%s],
                 "created_at":"2025-01-09T08:01:46Z","updated_at":"2025-01-09T08:01:46Z","paid_at":null,"shipped_at":null,
                 "delivered_at":null}"""
                .formatted(id, CUSTOMER_ID, status, UUID.randomUUID(), UUID.randomUUID(), total, dueAt, secondsLeft == null ? "null" : secondsLeft,
                        payment == null ? "null" : payment, entries,
                        actions.stream().map(action -> "\"" + action + "\"").collect(Collectors.joining(",")));
    }

    private static String historyEntry(String entry) {
        String[] change = entry.split("@", 2);
        String[] statuses = change[0].split(">");
        String[] when = change[1].split(":note:", 2);
        return """
                {"from_status":%s,"to_status":"%s","reason":"TEST","note":%s,"actor_role":"SYSTEM","actor_name":null,"at":"%s"}"""
                .formatted(statuses[0].isEmpty() ? "null" : "\"" + statuses[0] + "\"", statuses[1],
                        when.length > 1 ? quoted(when[1]) : "null", when[0]);
    }

    /** A JSON string. */
    static String quoted(String text) {
        return FakeServices.JSON.writeValueAsString(text);
    }
}
