package dev.eshop.warehouse.stock;

import dev.eshop.platform.web.idempotency.Idempotent;
import dev.eshop.platform.web.paging.PageQuery;
import dev.eshop.platform.web.paging.PageResult;
import dev.eshop.platform.web.paging.Sortable;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import dev.eshop.platform.web.problem.NotFoundException;
import dev.eshop.warehouse.stock.Movements.Filter;
import dev.eshop.warehouse.stock.Movements.Movement;
import dev.eshop.warehouse.stock.StockViews.ProductFilter;
import dev.eshop.warehouse.stock.StockViews.ProductStock;
import dev.eshop.warehouse.stock.StockViews.RowFilter;
import dev.eshop.warehouse.stock.StockViews.StockRow;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Admins: stock per row and per product, transfers, restocks and the movements ledger. ADMIN only (see AccessRules). */
@RestController
@Tag(name = "Stock", description = "Stock per warehouse and product, transfers, restocks and the movements ledger (ADMIN)")
class StockController {

    record TransferRequest(@NotNull UUID productId, @NotNull UUID fromWarehouseId, @NotNull UUID toWarehouseId,
                           @Min(1) int quantity, @Size(max = 500) String note) {
    }

    record RestockRequest(@NotNull UUID warehouseId, @NotNull UUID productId, @Min(1) int quantity, @Size(max = 500) String note) {
    }

    private final StockService stock;
    private final StockViews views;
    private final Movements movements;

    StockController(StockService stock, StockViews views, Movements movements) {
        this.stock = stock;
        this.views = views;
        this.movements = movements;
    }

    @GetMapping("/v1/stock")
    PageResult<StockRow> rows(@RequestParam(name = "warehouse_id", required = false) UUID warehouseId,
                              @RequestParam(name = "product_id", required = false) UUID productId,
                              @RequestParam(required = false) String q,
                              @RequestParam(name = "low_stock", defaultValue = "false") boolean lowStock,
                              @RequestParam(name = "include_deleted", defaultValue = "false") boolean includeDeleted,
                              @Sortable(value = {"product_name", "quantity"}, byDefault = "product_name,asc") PageQuery page) {
        return views.rows(new RowFilter(warehouseId, productId, q, lowStock, includeDeleted), page);
    }

    @GetMapping("/v1/stock/products")
    PageResult<ProductStock> products(@RequestParam(required = false) String q,
                                      @RequestParam(name = "low_stock", defaultValue = "false") boolean lowStock,
                                      @RequestParam(name = "include_deleted", defaultValue = "false") boolean includeDeleted,
                                      @Sortable(value = {"product_name", "total"}, byDefault = "product_name,asc") PageQuery page) {
        return views.products(new ProductFilter(q, lowStock, includeDeleted), page);
    }

    @GetMapping("/v1/stock/products/{product_id}")
    ProductStock product(@PathVariable("product_id") UUID productId) {
        return views.product(productId).orElseThrow(() -> new NotFoundException("product", productId));
    }

    @PostMapping("/v1/stock/transfers")
    @Idempotent
    @ResponseStatus(HttpStatus.CREATED)
    Movement transfer(@Valid @RequestBody TransferRequest request) {
        return stock.transfer(request.productId(), request.fromWarehouseId(), request.toWarehouseId(), request.quantity(),
                request.note(), Actor.current());
    }

    @PostMapping("/v1/stock/restocks")
    @Idempotent
    @ResponseStatus(HttpStatus.CREATED)
    Movement restock(@Valid @RequestBody RestockRequest request) {
        return stock.restock(request.warehouseId(), request.productId(), request.quantity(), request.note(), Actor.current());
    }

    @GetMapping("/v1/stock-movements")
    PageResult<Movement> movements(@RequestParam(name = "type", required = false) List<MovementType> types,
                                   @RequestParam(name = "product_id", required = false) UUID productId,
                                   @RequestParam(name = "warehouse_id", required = false) UUID warehouseId,
                                   @RequestParam(name = "order_id", required = false) UUID orderId,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                   @Sortable(value = {"created_at"}, byDefault = "created_at,desc") PageQuery page) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidFieldsException("from", "must not be after to");
        }
        return movements.find(new Filter(types, productId, warehouseId, orderId, from, to), page);
    }
}
