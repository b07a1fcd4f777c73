package dev.eshop.platform.web.testapp;

import dev.eshop.platform.web.Ids;
import dev.eshop.platform.web.Money;
import dev.eshop.platform.web.paging.PageQuery;
import dev.eshop.platform.web.paging.PageResult;
import dev.eshop.platform.web.paging.SortOrder;
import dev.eshop.platform.web.paging.Sortable;
import dev.eshop.platform.web.problem.DependencyUnavailableException;
import dev.eshop.platform.web.problem.DuplicateException;
import dev.eshop.platform.web.problem.InvalidStateException;
import dev.eshop.platform.web.problem.NotFoundException;
import dev.eshop.platform.web.problem.PayloadTooLargeException;
import dev.eshop.platform.web.problem.ProblemException;
import dev.eshop.platform.web.problem.RuleViolatedException;
import dev.eshop.platform.web.problem.StaleVersionException;
import dev.eshop.platform.web.problem.UnsupportedMediaTypeException;
import dev.eshop.platform.web.security.CurrentUser;
import dev.eshop.platform.web.testapp.TestModels.Address;
import dev.eshop.platform.web.testapp.TestModels.CreateOrder;
import dev.eshop.platform.web.testapp.TestModels.Line;
import dev.eshop.platform.web.testapp.TestModels.NewWarehouse;
import dev.eshop.platform.web.testapp.TestModels.OrderView;
import dev.eshop.platform.web.testapp.TestModels.Product;
import dev.eshop.platform.web.testapp.TestModels.ShortProduct;
import dev.eshop.platform.web.testapp.TestModels.Status;
import dev.eshop.platform.web.testapp.TestModels.UpdateOrder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Endpoints that trigger every problem type and exercise paging, money and security. */
@RestController
@RequestMapping("/v1/test")
class TestController {

    static final UUID KNOWN_ORDER = UUID.fromString("01936b2a-0000-7000-8000-000000000001");

    static final long MAX_IMAGE_BYTES = 512;

    static final List<Product> PRODUCTS = List.of(
            new Product(UUID.fromString("01936b2a-0000-7000-8000-00000000000a"), "Vespa", Money.of("4500")),
            new Product(UUID.fromString("01936b2a-0000-7000-8000-00000000000b"), "Beetle", Money.of("12000.5")),
            new Product(UUID.fromString("01936b2a-0000-7000-8000-00000000000c"), "Ducati", Money.of("18999.99")),
            new Product(UUID.fromString("01936b2a-0000-7000-8000-00000000000d"), "Mustang", Money.of("70000")),
            new Product(UUID.fromString("01936b2a-0000-7000-8000-00000000000e"), "Africa Twin", Money.of("15000")));

    private final QuoteService quotes;
    private final RestClient.Builder restClientBuilder;
    private final Environment environment;

    TestController(QuoteService quotes, RestClient.Builder restClientBuilder, Environment environment) {
        this.quotes = quotes;
        this.restClientBuilder = restClientBuilder;
        this.environment = environment;
    }

    // Validation, money and ids

    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.CREATED)
    OrderView create(@Valid @RequestBody CreateOrder order) {
        BigDecimal total = Money.sum(order.lines().stream().map(line -> Money.times(line.unitPrice(), line.quantity())));
        return new OrderView(Ids.newId(), order.customerName(), order.kind(), total, Instant.parse("2025-01-09T08:01:46Z"),
                order.lines());
    }

    @PostMapping("/lines")
    int addLines(@RequestBody List<@Valid Line> lines) {
        return lines.size();
    }

    @GetMapping("/orders/{id}")
    Map<String, Object> order(@PathVariable UUID id) {
        if (!KNOWN_ORDER.equals(id)) {
            throw new NotFoundException("order", id);
        }
        return Map.of("id", id, "status", Status.PENDING);
    }

    @PutMapping("/orders/{id}")
    Map<String, Object> update(@PathVariable UUID id, @RequestBody UpdateOrder update) {
        if (update.version() != 4) {
            throw new StaleVersionException(4);
        }
        return Map.of("id", id, "version", 5);
    }

    @PostMapping("/orders/{id}/cancel")
    void cancel(@PathVariable UUID id) {
        throw new InvalidStateException(Status.SHIPPED, "An order that has shipped cannot be cancelled.");
    }

    @DeleteMapping("/categories/{id}")
    void deleteCategory(@PathVariable UUID id) {
        throw new InvalidStateException(null, "The category still has products.");
    }

    @GetMapping("/search")
    List<String> search(@RequestParam @NotBlank String q, @RequestParam("min_quantity") @Min(1) int minQuantity) {
        return List.of(q);
    }

    @GetMapping("/lookup")
    String lookup(@RequestParam String sku) {
        return sku;
    }

    @PostMapping("/idempotent")
    Map<String, String> idempotent(@RequestHeader("Idempotency-Key") String key) {
        return Map.of("key", key);
    }

    @PostMapping("/quotes")
    Map<String, BigDecimal> quote(@RequestBody Address destination) {
        return Map.of("cost", quotes.quote(destination));
    }

    @GetMapping("/prices")
    Map<String, BigDecimal> prices() {
        return Map.of("whole", Money.of("70000"), "line", Money.times(Money.of("19.99"), 3), "zero", Money.ZERO);
    }

    // Conflicts and other problems

    @PostMapping("/warehouses")
    void warehouse(@Valid @RequestBody NewWarehouse warehouse) {
        throw new DuplicateException("name", "A warehouse named '" + warehouse.name() + "' already exists.");
    }

    @PostMapping("/checkout")
    void checkout() {
        throw new ProblemException(HttpStatus.CONFLICT, "insufficient-stock", "Insufficient stock",
                "There is not enough stock for 1 product.")
                .with("short_products", List.of(new ShortProduct(PRODUCTS.getFirst().id(), "Vespa", 3, 1)));
    }

    @PostMapping("/products/{id}/images")
    void addImage(@PathVariable UUID id) {
        throw new RuleViolatedException("image-count", "A product has at most 10 images.");
    }

    @PostMapping(path = "/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> upload(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.getSize() > MAX_IMAGE_BYTES) {
            throw new PayloadTooLargeException(MAX_IMAGE_BYTES);
        }
        byte[] bytes = file.getBytes();
        if (bytes.length < 3 || (bytes[0] & 0xFF) != 0xFF || (bytes[1] & 0xFF) != 0xD8 || (bytes[2] & 0xFF) != 0xFF) {
            throw new UnsupportedMediaTypeException(List.of("image/jpeg", "image/png", "image/webp"),
                    "The file is not a JPEG, PNG or WebP image.");
        }
        return Map.of("size", bytes.length);
    }

    @GetMapping("/dependency")
    void dependency() {
        throw new DependencyUnavailableException("warehouse", new ConnectException("Connection refused"));
    }

    @GetMapping("/too-many")
    void tooMany(HttpServletResponse response) throws IOException {
        response.sendError(429); // the container's error page takes over
    }

    @GetMapping("/public/admin-only")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, String> publicPathAdminMethod() {
        return Map.of("secret", "yes");
    }

    @GetMapping("/boom")
    void boom() {
        throw new IllegalStateException("a bug the client cannot fix");
    }

    // Paging

    @GetMapping("/products")
    PageResult<Product> products(@Sortable(value = {"name", "price"}, byDefault = "name,asc") PageQuery query) {
        Comparator<Product> order = "price".equals(query.sort().field()) ? Comparator.comparing(Product::price)
                : Comparator.comparing(Product::name);
        SortOrder sort = query.sort();
        List<Product> sorted = PRODUCTS.stream().sorted(sort.ascending() ? order : order.reversed()).toList();
        List<Product> page = sorted.stream().skip(query.offset()).limit(query.limit()).toList();
        return PageResult.of(page, query, sorted.size());
    }

    // Security

    @GetMapping("/public/ping")
    Map<String, String> ping() {
        return Map.of("pong", "yes");
    }

    @GetMapping("/public/echo-traceparent")
    Map<String, String> echoTraceparent(@RequestHeader(name = "traceparent", required = false) String traceparent) {
        return Map.of("received_traceparent", traceparent == null ? "" : traceparent);
    }

    /** Calls this service over HTTP with Boot's RestClient.Builder, which must pass the trace on. */
    @GetMapping("/public/outgoing")
    Map<?, ?> outgoing() {
        RestClient client = restClientBuilder.clone()
                .baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port")).build();
        return client.get().uri("/v1/test/public/echo-traceparent").retrieve().body(Map.class);
    }

    @GetMapping("/admin/report")
    Map<String, String> adminReport() {
        return Map.of("report", "ok");
    }

    @DeleteMapping("/products/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void deleteProduct(@PathVariable UUID id) {
    }

    @GetMapping("/cart")
    @PreAuthorize("hasRole('CUSTOMER')")
    Map<String, UUID> cart() {
        return Map.of("user_id", CurrentUser.id());
    }

    @GetMapping("/users/{userId}/orders")
    Map<String, Object> ordersOf(@PathVariable UUID userId) {
        CurrentUser.checkOwner(userId);
        return Map.of("user_id", userId, "items", List.of());
    }

    @PostMapping("/stock/reservations")
    @PreAuthorize("hasAuthority('SCOPE_stock.reserve')")
    Map<String, String> reserve() {
        return Map.of("reserved", "yes");
    }

    @GetMapping("/me")
    Map<String, Object> me(Authentication authentication) {
        return Map.of("subject", CurrentUser.subject(), "authorities",
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
    }
}
