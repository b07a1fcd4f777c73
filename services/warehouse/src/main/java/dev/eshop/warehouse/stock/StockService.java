package dev.eshop.warehouse.stock;

import dev.eshop.platform.web.problem.InvalidFieldsException;
import dev.eshop.platform.web.problem.NotFoundException;
import dev.eshop.platform.web.problem.ProblemException;
import dev.eshop.platform.web.problem.RuleViolatedException;
import dev.eshop.warehouse.WarehouseSettings;
import dev.eshop.warehouse.stock.Movements.Movement;
import dev.eshop.warehouse.stock.StockLedger.LockedProduct;
import dev.eshop.warehouse.stock.StockLedger.LockedRow;
import dev.eshop.warehouse.stock.StockLedger.NewMovement;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Admins' stock changes: transfers between warehouses and restocks. */
@Service
class StockService {

    /** A product in a short answer, as {@code insufficient-stock} lists it. */
    record ShortProduct(UUID productId, String name, int requested, int available) {
    }

    private final StockLedger ledger;
    private final Movements movements;
    private final WarehouseSettings settings;

    StockService(StockLedger ledger, Movements movements, WarehouseSettings settings) {
        this.ledger = ledger;
        this.movements = movements;
        this.settings = settings;
    }

    @Transactional
    public Movement transfer(UUID productId, UUID fromId, UUID toId, int quantity, String note, Actor actor) {
        if (fromId.equals(toId)) {
            throw new InvalidFieldsException("to_warehouse_id", "must differ from from_warehouse_id");
        }
        checkQuantity(quantity);
        LockedProduct product = lockedProduct(productId);
        String fromName = ledger.activeWarehouseName(fromId).orElseThrow(() -> new NotFoundException("warehouse", fromId));
        ledger.activeWarehouseName(toId).orElseThrow(() -> new NotFoundException("warehouse", toId));
        int available = ledger.lockStock(List.of(productId)).stream()
                .filter(row -> row.warehouseId().equals(fromId)).mapToInt(LockedRow::quantity).sum();
        if (available < quantity) {
            throw new ProblemException(HttpStatus.CONFLICT, "insufficient-stock", "Insufficient stock",
                    "%s has only %d %s of this product.".formatted(fromName, available, available == 1 ? "unit" : "units"))
                    .with("short_products", List.of(new ShortProduct(productId, product.name(), quantity, available)));
        }
        ledger.take(fromId, productId, quantity);
        ledger.add(toId, productId, quantity);
        UUID id = ledger.record(new NewMovement(MovementType.TRANSFER, productId, quantity, fromId, toId, null, actor, note));
        ledger.publishTotal(productId, MovementType.TRANSFER);
        return movements.find(id).orElseThrow();
    }

    @Transactional
    public Movement restock(UUID warehouseId, UUID productId, int quantity, String note, Actor actor) {
        checkQuantity(quantity);
        lockedProduct(productId);
        ledger.activeWarehouseName(warehouseId).orElseThrow(() -> new NotFoundException("warehouse", warehouseId));
        ledger.add(warehouseId, productId, quantity);
        UUID id = ledger.record(new NewMovement(MovementType.RESTOCK, productId, quantity, null, warehouseId, null, actor, note));
        ledger.publishTotal(productId, MovementType.RESTOCK);
        return movements.find(id).orElseThrow();
    }

    private void checkQuantity(int quantity) {
        if (quantity > settings.maxMovementQuantity()) {
            throw new InvalidFieldsException("quantity", "must be at most " + settings.maxMovementQuantity());
        }
    }

    private LockedProduct lockedProduct(UUID productId) {
        Map<UUID, LockedProduct> locked = ledger.lockProducts(List.of(productId));
        LockedProduct product = locked.get(productId);
        if (product == null) {
            throw new NotFoundException("product", productId);
        }
        if (product.deleted()) {
            throw new RuleViolatedException("product-deleted", "The product " + product.name() + " has been deleted.");
        }
        return product;
    }
}
