package dev.eshop.order.checkout;

import dev.eshop.order.OrderSettings;
import dev.eshop.order.checkout.CheckoutRequests.CreateOrderRequest;
import dev.eshop.order.checkout.CheckoutRequests.LineRequest;
import dev.eshop.order.checkout.CheckoutRequests.QuoteRequest;
import dev.eshop.order.checkout.OrderWriter.AttemptGone;
import dev.eshop.order.checkout.ProductCatalog.Product;
import dev.eshop.order.checkout.WarehouseStock.Allocation;
import dev.eshop.order.checkout.WarehouseStock.Reservation;
import dev.eshop.order.orders.NewOrder;
import dev.eshop.order.orders.Order;
import dev.eshop.order.orders.OrderDetail;
import dev.eshop.order.orders.OrderRepository;
import dev.eshop.order.orders.OrderViews;
import dev.eshop.order.orders.PricedOrder;
import dev.eshop.platform.web.client.CalleeProblemException;
import dev.eshop.platform.web.problem.DependencyUnavailableException;
import dev.eshop.platform.web.problem.MalformedRequestException;
import dev.eshop.platform.web.problem.ProblemException;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Quote and checkout (spec/services.md §4.4). Prices, names and categories come from product's
 * {@code lookup}, never from the request; the allocation (one shipment per source warehouse) from
 * warehouse's {@code plan} (quote) or {@code reserve} (checkout, by order id); one shipping-cost call
 * per shipment, in parallel; totals in {@code BigDecimal} at scale 2.
 * <p>
 * Checkout, step by step: an order already placed with the key → that order; validate; lookup; claim
 * a checkout attempt (its order id is reused by a retry); reserve; price the shipments; compare with
 * {@code expected_total}; save the order, its history, {@code order-created} and delete the attempt in
 * one transaction. Anything failing after the reservation releases it at once ({@code CHECKOUT_FAILED});
 * if even the release fails, the attempt stays and the {@link CheckoutSweeper} releases later.
 */
@Service
class CheckoutService {

    /** A new order (201) or the one already placed with the key (200). */
    record Placed(OrderDetail order, boolean created) {
    }

    record UnavailableProduct(UUID productId, String name) {
    }

    record ShortProduct(UUID productId, String name, int requested, int available) {
    }

    private static final Logger log = LoggerFactory.getLogger(CheckoutService.class);

    /** Fresh order ids tried when a reused one turns out released or reserved with other lines, or was swept. */
    private static final int MAX_ROUNDS = 3;

    private static final int MAX_KEY_LENGTH = 100;

    private static final ContextSnapshotFactory CONTEXT = ContextSnapshotFactory.builder().build();

    private final CheckoutValidation validation;
    private final ProductCatalog catalog;
    private final WarehouseStock warehouse;
    private final ShippingCosts shipping;
    private final CheckoutAttempts attempts;
    private final OrderWriter writer;
    private final OrderRepository orders;
    private final OrderViews views;
    private final OrderSettings settings;

    CheckoutService(CheckoutValidation validation, ProductCatalog catalog, WarehouseStock warehouse, ShippingCosts shipping,
                    CheckoutAttempts attempts, OrderWriter writer, OrderRepository orders, OrderViews views, OrderSettings settings) {
        this.validation = validation;
        this.catalog = catalog;
        this.warehouse = warehouse;
        this.shipping = shipping;
        this.attempts = attempts;
        this.writer = writer;
        this.orders = orders;
        this.views = views;
        this.settings = settings;
    }

    /** Steps 2, 3, 6 and 7 with {@code plan} in place of the reservation: nothing is reserved or saved. */
    Quote quote(QuoteRequest request) {
        validation.check(request, request.lines());
        Map<UUID, Product> products = lookup(request.lines());
        List<Allocation> allocations;
        try {
            allocations = warehouse.plan(request.zipCode(), warehouseLines(request.lines()));
        }
        catch (CalleeProblemException problem) {
            throw passedOn(problem, products);
        }
        return quote(price(request.lines(), products, allocations, request.zipCode()), products);
    }

    Placed create(String idempotencyKey, CreateOrderRequest request) {
        checkKey(idempotencyKey);
        if (request.userId() != null) {
            var existing = orders.findByKey(request.userId(), idempotencyKey);
            if (existing.isPresent()) {
                return new Placed(views.detail(existing.get(), OrderViews.Viewer.current()), false);
            }
        }
        validation.check(request, request.lines());
        UUID userId = request.userId();
        String zip = request.address().zipCode();
        Map<UUID, Product> products = lookup(request.lines());
        for (int round = 0; round < MAX_ROUNDS; round++) {
            UUID orderId = attempts.claim(userId, idempotencyKey);
            Reservation reservation;
            try {
                reservation = warehouse.reserve(orderId, userId, zip, warehouseLines(request.lines()));
            }
            catch (CalleeProblemException problem) {
                switch (problem.slug()) {
                    case "invalid-state" -> {
                        // A reused order id whose reservation the sweeper already released: start again with a new id.
                        log.info("Reservation of reused order id {} was released meanwhile; checking out with a new id", orderId);
                        attempts.delete(orderId);
                        continue;
                    }
                    case "duplicate" -> {
                        // A reused order id reserved with other lines (the cart changed between the tries).
                        log.info("Order id {} was reserved with other lines; releasing it and checking out with a new id", orderId);
                        try {
                            warehouse.release(orderId, WarehouseStock.CHECKOUT_FAILED);
                        }
                        catch (CalleeProblemException refused) {
                            throw passedOn(refused, products);
                        }
                        attempts.delete(orderId);
                        continue;
                    }
                    default -> {
                        attempts.delete(orderId);
                        throw passedOn(problem, products);
                    }
                }
            }
            try {
                PricedOrder priced = price(request.lines(), products, reservation.allocations(), zip);
                if (request.expectedTotal() != null && request.expectedTotal().compareTo(priced.total()) != 0) {
                    throw quoteChanged(request.expectedTotal(), priced, products);
                }
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                var address = request.address();
                writer.save(new NewOrder(orderId, userId, request.customerEmail(), request.customerName(), idempotencyKey,
                        new Order.Address(address.street(), address.city(), address.state(), address.zipCode(),
                                address.note() == null || address.note().isBlank() ? null : address.note()),
                        priced, now.plus(settings.paymentWindow()), now));
            }
            catch (AttemptGone gone) {
                // The sweeper released this reservation while we priced it: start again with a new id.
                log.warn("{}; checking out with a new id", gone.getMessage());
                continue;
            }
            catch (DuplicateKeyException twin) {
                // A concurrent twin with the same key saved its order first.
                Order saved = orders.findByKey(userId, idempotencyKey).orElseThrow(() -> twin);
                if (!saved.id().equals(orderId)) {
                    releaseQuietly(orderId);
                }
                return new Placed(views.detail(saved, OrderViews.Viewer.current()), false);
            }
            catch (RuntimeException failure) {
                releaseQuietly(orderId);
                throw failure;
            }
            // Saved and committed: from here on the reservation belongs to the order, whatever happens.
            return new Placed(views.detail(orderId, OrderViews.Viewer.current()), true);
        }
        throw new DependencyUnavailableException("warehouse", DependencyUnavailableException.DEFAULT_RETRY_AFTER,
                "The stock could not be reserved just now. Please try again shortly.", null);
    }

    /** Gives the reservation back at once and forgets the attempt; if warehouse does not answer, the sweeper will. */
    private void releaseQuietly(UUID orderId) {
        try {
            warehouse.release(orderId, WarehouseStock.CHECKOUT_FAILED);
            attempts.delete(orderId);
        }
        catch (RuntimeException e) {
            log.warn("Could not release the reservation of order {} after a failed checkout; the sweeper will: {}", orderId,
                    e.toString());
        }
    }

    /** Step 3: every product known and not deleted, else 409 {@code product-unavailable} naming them. */
    private Map<UUID, Product> lookup(List<LineRequest> lines) {
        Map<UUID, Product> products;
        try {
            products = catalog.lookup(lines.stream().map(LineRequest::productId).toList());
        }
        catch (CalleeProblemException problem) {
            throw passedOn(problem, Map.of());
        }
        List<UnavailableProduct> unavailable = lines.stream()
                .map(line -> products.get(line.productId()) instanceof Product p
                        ? (p.available() ? null : new UnavailableProduct(p.id(), p.name()))
                        : new UnavailableProduct(line.productId(), null))
                .filter(Objects::nonNull)
                .toList();
        if (!unavailable.isEmpty()) {
            List<String> names = unavailable.stream()
                    .map(p -> p.name() != null ? p.name() : "The product " + p.productId()).toList();
            String detail = names.size() == 1 ? names.getFirst() + " is no longer sold. Remove it from your cart."
                    : "These products are no longer sold: " + String.join(", ", names) + ". Remove them from your cart.";
            throw new ProblemException(HttpStatus.CONFLICT, "product-unavailable", "Product unavailable", detail)
                    .with("unavailable_products", unavailable);
        }
        return products;
    }

    /** Lines at product's prices; one shipping-cost call per shipment, in parallel; the totals. */
    private PricedOrder price(List<LineRequest> lines, Map<UUID, Product> products, List<Allocation> allocations, String toZip) {
        List<PricedOrder.Line> priced = lines.stream().map(line -> {
            Product product = products.get(line.productId());
            return PricedOrder.Line.of(product.id(), product.sku(), product.name(), product.categoryId(), product.categoryName(),
                    product.thumbnailUrl(), line.quantity(), product.price());
        }).toList();
        List<BigDecimal> costs = new ArrayList<>();
        // The calls carry the request's trace (and log correlation) into their threads.
        ContextSnapshot context = CONTEXT.captureAll();
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<BigDecimal>> pending = allocations.stream()
                    .map(allocation -> parallel.submit(context.wrap(() -> shipping.cost(allocation.zipCode(), toZip,
                            vehicles(allocation)))))
                    .toList();
            for (Future<BigDecimal> cost : pending) {
                costs.add(cost.get());
            }
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof CalleeProblemException problem) {
                throw passedOn(problem, products);
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new DependencyUnavailableException("shipping-cost", e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyUnavailableException("shipping-cost", e);
        }
        List<PricedOrder.Shipment> shipments = new ArrayList<>();
        for (int i = 0; i < allocations.size(); i++) {
            Allocation allocation = allocations.get(i);
            shipments.add(new PricedOrder.Shipment(allocation.warehouseId(), allocation.warehouseName(), allocation.zipCode(),
                    vehicles(allocation), costs.get(i),
                    allocation.items().stream().map(item -> new PricedOrder.Item(item.productId(), item.quantity())).toList()));
        }
        return PricedOrder.of(priced, shipments);
    }

    /** One vehicle per unit: the units of the shipment. */
    private static int vehicles(Allocation allocation) {
        return allocation.items().stream().mapToInt(WarehouseStock.Item::quantity).sum();
    }

    private static Quote quote(PricedOrder priced, Map<UUID, Product> products) {
        return new Quote(
                priced.lines().stream().map(line -> new Quote.QuoteLine(line.productId(), line.productName(), line.imageUrl(),
                        line.quantity(), line.unitPrice(), line.lineTotal())).toList(),
                priced.shipments().stream().map(s -> new OrderDetail.ShipmentView(s.warehouseId(), s.warehouseName(), s.fromZip(),
                        s.vehicles(), s.shippingCost(), s.items().stream().map(item -> new OrderDetail.ItemView(item.productId(),
                                products.containsKey(item.productId()) ? products.get(item.productId()).name() : null,
                                item.quantity())).toList())).toList(),
                priced.subtotal(), priced.shippingTotal(), priced.total(), PricedOrder.CURRENCY);
    }

    private static ProblemException quoteChanged(BigDecimal expected, PricedOrder priced, Map<UUID, Product> products) {
        return new ProblemException(HttpStatus.CONFLICT, "quote-changed", "Quote changed",
                "Prices or shipping changed since you looked: the total is now %s USD, not %s USD. Please check and place the order again."
                        .formatted(priced.total().toPlainString(), expected.toPlainString()))
                .with("quote", quote(priced, products));
    }

    /**
     * A callee's 4xx problem, passed on with its status, detail and members; {@code insufficient-stock}
     * gets the names from product's answer where warehouse had none.
     */
    private static ProblemException passedOn(CalleeProblemException problem, Map<UUID, Product> products) {
        if (!"insufficient-stock".equals(problem.slug()) || !(problem.members().get("short_products") instanceof JsonNode listed)) {
            return problem;
        }
        List<ShortProduct> shortProducts = new ArrayList<>();
        boolean named = true;
        for (JsonNode item : listed) {
            UUID productId = UUID.fromString(item.path("product_id").asString());
            String name = item.path("name").isString() ? item.path("name").asString() : null;
            if (name == null) {
                named = false;
                name = products.containsKey(productId) ? products.get(productId).name() : null;
            }
            shortProducts.add(new ShortProduct(productId, name, item.path("requested").asInt(), item.path("available").asInt()));
        }
        String detail = named ? problem.detail() : shortProducts.stream()
                .map(p -> "Only %d of %s %s available".formatted(p.available(), p.name() != null ? p.name() : "product " + p.productId(),
                        p.available() == 1 ? "is" : "are"))
                .collect(Collectors.joining("; ")) + ".";
        ProblemException passed = new ProblemException(problem.status(), problem.slug(), problem.title(), detail);
        problem.members().forEach(passed::with);
        return passed.with("short_products", shortProducts);
    }

    private static List<WarehouseStock.Line> warehouseLines(List<LineRequest> lines) {
        return lines.stream().map(line -> new WarehouseStock.Line(line.productId(), line.quantity())).toList();
    }

    /** IK required (spec §4.3): 1–100 printable ASCII characters. */
    private static void checkKey(String key) {
        if (key == null) {
            throw new MalformedRequestException("The Idempotency-Key header is required for this request.");
        }
        boolean printable = !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
        if (!printable) {
            throw new MalformedRequestException("The Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH
                    + " printable ASCII characters.");
        }
    }
}
