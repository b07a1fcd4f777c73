package dev.eshop.launcher.demo;

import dev.eshop.launcher.Console;
import dev.eshop.platform.local.CodeFlowLogin;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static dev.eshop.launcher.demo.Api.expect;
import static dev.eshop.launcher.demo.Api.map;

/**
 * Loads the demo shop through the services' own APIs, with an admin's real token (signed in through
 * auth's code flow), so every event flows as in real use: warehouses first (the first is the main
 * one, where each product's initial quantity lands), the category tree, forty vehicles with a
 * generated picture each, stock spread over the warehouses by transfers and restocks, and a customer
 * account. What a start that died half-way already loaded is kept, and the rest is added.
 */
public final class DemoLoader {

    private static final Duration EVENTUALLY = Duration.ofSeconds(120);

    private final Console console;
    private final String issuer;
    private final String adminClientSecret;
    private final String adminRedirectUri;
    private final Map<String, String> urls;

    /**
     * @param urls base URL of each service by name (auth, product, warehouse)
     */
    public DemoLoader(Console console, String adminClientSecret, String adminRedirectUri, Map<String, String> urls) {
        this.console = console;
        this.issuer = urls.get("auth");
        this.adminClientSecret = adminClientSecret;
        this.adminRedirectUri = adminRedirectUri;
        this.urls = urls;
    }

    public void load(String adminEmail, String adminPassword, String customerName, String customerEmail, String customerPassword) {
        Instant started = Instant.now();
        String admin = retry("the admin's sign-in", () -> CodeFlowLogin.at(issuer).client("admin", adminClientSecret, adminRedirectUri)
                .login(adminEmail, adminPassword).accessToken());
        Api auth = new Api(urls.get("auth"), null);
        Api product = new Api(urls.get("product"), admin);
        Api warehouse = new Api(urls.get("warehouse"), admin);

        Api.Answer registered = auth.post("/v1/users", map("email", customerEmail, "name", customerName, "password", customerPassword));
        if (registered.status() != 201 && registered.status() != 409) {
            expect(registered, 201, "registering the demo customer");
        }

        Map<String, String> warehouses = warehouses(warehouse);
        Map<String, String> categories = categories(product);
        List<Created> created = products(product, categories);
        spreadStock(warehouse, warehouses, created);
        awaitDisplayedStock(product, created);
        console.info("Demo data loaded: " + DemoCatalogue.WAREHOUSES.size() + " warehouses, "
                + categories.size() + " categories, " + DemoCatalogue.VEHICLES.size() + " vehicles with pictures, 2 accounts ("
                + Console.seconds(Duration.between(started, Instant.now())) + ").");
    }

    private Map<String, String> warehouses(Api warehouse) {
        Map<String, String> ids = new LinkedHashMap<>();
        JsonNode existing = expect(warehouse.get("/v1/warehouses?size=100"), 200, "listing warehouses");
        for (JsonNode item : existing.path("items")) {
            ids.put(item.path("name").asString(), item.path("id").asString());
        }
        for (DemoCatalogue.Warehouse w : DemoCatalogue.WAREHOUSES) {
            if (!ids.containsKey(w.name())) {
                JsonNode made = expect(warehouse.postOnce("/v1/warehouses", map("name", w.name(), "street", w.street(),
                        "city", w.city(), "state", w.state(), "zip_code", w.zipCode())), 201, "creating warehouse " + w.name());
                ids.put(w.name(), made.path("id").asString());
            }
        }
        return ids;
    }

    private Map<String, String> categories(Api product) {
        Map<String, String> ids = new HashMap<>();
        JsonNode tree = expect(product.get("/v1/categories"), 200, "listing categories");
        for (JsonNode top : tree) {
            ids.put(top.path("slug").asString(), top.path("id").asString());
            for (JsonNode child : top.path("children")) {
                ids.put(child.path("slug").asString(), child.path("id").asString());
            }
        }
        int position = 0;
        for (DemoCatalogue.Category top : DemoCatalogue.CATEGORIES) {
            if (!ids.containsKey(top.slug())) {
                ids.put(top.slug(), expect(product.post("/v1/categories", map("name", top.name(), "slug", top.slug(),
                        "position", position)), 201, "creating category " + top.name()).path("id").asString());
            }
            position++;
            int childPosition = 0;
            for (DemoCatalogue.Category child : top.children()) {
                if (!ids.containsKey(child.slug())) {
                    ids.put(child.slug(), expect(product.post("/v1/categories", map("name", child.name(), "slug", child.slug(),
                            "parent_id", ids.get(top.slug()), "position", childPosition)), 201,
                            "creating category " + child.name()).path("id").asString());
                }
                childPosition++;
            }
        }
        return ids;
    }

    private record Created(DemoCatalogue.Vehicle vehicle, String id) {
    }

    /**
     * Creates the vehicles not there yet and uploads a picture of each, a few at a time; a vehicle a
     * broken-off start created without its picture gets it now.
     */
    private List<Created> products(Api product, Map<String, String> categories) {
        Map<String, JsonNode> existing = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode list = expect(product.get("/v1/products?size=100&page=" + page), 200, "listing products");
            list.path("items").forEach(item -> existing.put(item.path("name").asString(), item));
            if ((page + 1) * 100 >= list.path("total").asInt()) {
                break;
            }
        }
        List<Created> created = new ArrayList<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(3)) {
            List<Future<Created>> futures = new ArrayList<>();
            for (DemoCatalogue.Vehicle vehicle : DemoCatalogue.VEHICLES) {
                JsonNode there = existing.get(vehicle.name());
                futures.add(workers.submit(() -> {
                    String id = there != null ? there.path("id").asString() : expect(product.postOnce("/v1/products", map(
                            "name", vehicle.name(),
                            "description", vehicle.description(),
                            "price", new BigDecimal(vehicle.price()),
                            "category_id", categories.get(vehicle.category()),
                            "attributes", vehicle.attributes(),
                            "initial_quantity", vehicle.mainStock())), 201, "creating " + vehicle.name()).path("id").asString();
                    if (there == null || there.path("main_image_url").isNull() || there.path("main_image_url").isMissingNode()) {
                        byte[] picture = VehiclePainter.png(vehicle.style(), vehicle.paint());
                        expect(product.upload("/v1/products/" + id + "/images", Map.of("main", "true"), "file",
                                slug(vehicle.name()) + ".png", "image/png", picture), 201, "uploading the picture of " + vehicle.name());
                    }
                    return new Created(vehicle, id);
                }));
            }
            for (Future<Created> future : futures) {
                created.add(future.get());
            }
        }
        catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the demo products", e);
        }
        return created;
    }

    /**
     * Moves some units from New York to Chicago and restocks San Francisco, once warehouse knows each
     * product; a warehouse that already holds the product's units is left as it is.
     */
    private void spreadStock(Api warehouse, Map<String, String> warehouses, List<Created> created) {
        List<String> names = DemoCatalogue.WAREHOUSES.stream().map(DemoCatalogue.Warehouse::name).toList();
        String newYork = warehouses.get(names.get(0));
        String chicago = warehouses.get(names.get(1));
        String sanFrancisco = warehouses.get(names.get(2));
        for (Created product : created) {
            DemoCatalogue.Vehicle vehicle = product.vehicle();
            if (vehicle.toChicago() == 0 && vehicle.restockSf() == 0) {
                continue;
            }
            // The initial quantity reaches warehouse with product-created: wait until it is placed.
            eventually("warehouse to receive " + vehicle.name(), () -> {
                Api.Answer stock = warehouse.get("/v1/stock/products/" + product.id());
                return stock.status() == 200 && stock.json().path("total").asInt() >= vehicle.mainStock();
            });
            Map<String, Integer> held = new HashMap<>();
            expect(warehouse.get("/v1/stock/products/" + product.id()), 200, "reading the stock of " + vehicle.name())
                    .path("warehouses").forEach(row -> held.put(row.path("warehouse_id").asString(), row.path("quantity").asInt()));
            if (vehicle.toChicago() > 0 && held.getOrDefault(chicago, 0) == 0) {
                expect(warehouse.postOnce("/v1/stock/transfers", map("product_id", product.id(), "from_warehouse_id", newYork,
                        "to_warehouse_id", chicago, "quantity", vehicle.toChicago(), "note", "Demo stock for the Midwest")),
                        201, "transferring " + vehicle.name());
            }
            if (vehicle.restockSf() > 0 && held.getOrDefault(sanFrancisco, 0) == 0) {
                expect(warehouse.postOnce("/v1/stock/restocks", map("warehouse_id", sanFrancisco, "product_id", product.id(),
                        "quantity", vehicle.restockSf(), "note", "Demo delivery to the West Coast")),
                        201, "restocking " + vehicle.name());
            }
        }
    }

    /** Waits until the catalogue shows each new product's stock (warehouse → product-quantity-updated → product). */
    private void awaitDisplayedStock(Api product, List<Created> created) {
        Map<String, Integer> expected = new HashMap<>();
        created.forEach(c -> expected.put(c.id(), c.vehicle().totalStock()));
        eventually("the catalogue to show the demo stock", () -> {
            Map<String, Integer> shown = new HashMap<>();
            JsonNode list = product.get("/v1/products?size=100").json();
            list.path("items").forEach(item -> shown.put(item.path("id").asString(), item.path("stock").asInt()));
            return expected.entrySet().stream().allMatch(e -> e.getValue().equals(shown.get(e.getKey())));
        });
    }

    private static void eventually(String what, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(EVENTUALLY);
        while (Instant.now().isBefore(deadline)) {
            if (condition.get()) {
                return;
            }
            try {
                Thread.sleep(250);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
        throw new IllegalStateException("gave up waiting for " + what + " after " + EVENTUALLY.toSeconds() + " s");
    }

    private static <T> T retry(String what, Supplier<T> action) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                return action.get();
            }
            catch (RuntimeException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
                }
                try {
                    Thread.sleep(1000);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static String slug(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

}
