package dev.eshop.admin.stock;

import dev.eshop.admin.movement.Movement;
import dev.eshop.admin.site.ResultPage;
import dev.eshop.platform.webapp.client.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.UUID;

/** Stock at the warehouse service: per product, per warehouse, and the two ways admins move it (transfer, restock). */
@Component
public class Stock {

    private static final ParameterizedTypeReference<ResultPage<ProductStock>> PRODUCTS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<ResultPage<StockRow>> ROWS = new ParameterizedTypeReference<>() {
    };

    private final RestClient warehouse;

    Stock(ServiceClients clients) {
        this.warehouse = clients.create("warehouse");
    }

    /** Products with their totals; {@code q} is part of a SKU or name, {@code lowStock} keeps those below the threshold. */
    public ResultPage<ProductStock> products(String q, boolean lowStock, int page, int size, String sort) {
        return warehouse.get().uri(builder -> builder.path("/v1/stock/products")
                .queryParam("q", "{q}").queryParam("low_stock", lowStock)
                .queryParam("page", page).queryParam("size", size).queryParam("sort", sort)
                .build(q == null ? "" : q.strip())).retrieve().body(PRODUCTS);
    }

    public ProductStock product(UUID productId) {
        return warehouse.get().uri("/v1/stock/products/{id}", productId).retrieve().body(ProductStock.class);
    }

    /** One warehouse's rows. */
    public ResultPage<StockRow> inWarehouse(UUID warehouseId, String q, int page, int size, String sort) {
        return warehouse.get().uri(builder -> builder.path("/v1/stock")
                .queryParam("warehouse_id", warehouseId).queryParam("q", "{q}")
                .queryParam("page", page).queryParam("size", size).queryParam("sort", sort)
                .build(q == null ? "" : q.strip())).retrieve().body(ROWS);
    }

    /** Refused with 409 {@code insufficient-stock} ("Central has only 3 units of this product.") when the source holds too few. */
    public Movement transfer(Transfer transfer, String idempotencyKey) {
        return warehouse.post().uri("/v1/stock/transfers").header("Idempotency-Key", idempotencyKey).body(transfer).retrieve()
                .body(Movement.class);
    }

    public Movement restock(Restock restock, String idempotencyKey) {
        return warehouse.post().uri("/v1/stock/restocks").header("Idempotency-Key", idempotencyKey).body(restock).retrieve()
                .body(Movement.class);
    }

    public record Transfer(UUID productId, UUID fromWarehouseId, UUID toWarehouseId, int quantity, String note) {
    }

    public record Restock(UUID warehouseId, UUID productId, int quantity, String note) {
    }
}
