package dev.eshop.warehouse.site;

import dev.eshop.platform.web.Ids;
import dev.eshop.platform.web.problem.DuplicateException;
import dev.eshop.platform.web.problem.InvalidStateException;
import dev.eshop.platform.web.problem.NotFoundException;
import dev.eshop.warehouse.catalog.InitialStock;
import dev.eshop.warehouse.site.WarehouseRepository.Warehouse;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * Admins create, edit, promote and delete warehouses. The first warehouse is the main one and takes
 * the initial stock of products created before it; there is exactly one main warehouse from then on.
 * Every change here holds the warehouse-set lock, so name checks and the main flag cannot race.
 */
@Service
class WarehouseService {

    private final WarehouseRepository warehouses;
    private final InitialStock initialStock;

    WarehouseService(WarehouseRepository warehouses, InitialStock initialStock) {
        this.warehouses = warehouses;
        this.initialStock = initialStock;
    }

    @Transactional
    public Warehouse create(WarehouseRequest request) {
        warehouses.lockWarehouseSet(InitialStock.WAREHOUSE_SET_LOCK);
        checkName(request.name(), new UUID(0, 0));
        UUID id = Ids.newId();
        boolean first = !warehouses.anyActive();
        try {
            warehouses.insert(id, request, first);
        }
        catch (DuplicateKeyException e) {
            throw duplicateName(request.name());
        }
        if (first) {
            initialStock.placePending(id);
        }
        return warehouses.find(id).orElseThrow();
    }

    @Transactional
    public Warehouse update(UUID id, WarehouseRequest request) {
        warehouses.lockWarehouseSet(InitialStock.WAREHOUSE_SET_LOCK);
        existing(id);
        checkName(request.name(), id);
        try {
            warehouses.update(id, request);
        }
        catch (DuplicateKeyException e) {
            throw duplicateName(request.name());
        }
        return warehouses.find(id).orElseThrow();
    }

    @Transactional
    public Warehouse makeMain(UUID id) {
        warehouses.lockWarehouseSet(InitialStock.WAREHOUSE_SET_LOCK);
        existing(id);
        warehouses.makeMain(id);
        return warehouses.find(id).orElseThrow();
    }

    @Transactional
    public void delete(UUID id) {
        warehouses.lockWarehouseSet(InitialStock.WAREHOUSE_SET_LOCK);
        Warehouse warehouse = existing(id);
        if (warehouse.isMain()) {
            throw new InvalidStateException(null, "The main warehouse cannot be deleted; make another warehouse the main one first.");
        }
        if (warehouses.holdsStock(id)) {
            throw new InvalidStateException(null, warehouse.name() + " still holds stock; transfer it to another warehouse first.");
        }
        if (warehouses.hasHeldReservations(id)) {
            throw new InvalidStateException(null, warehouse.name() + " has units reserved for orders that are not paid yet.");
        }
        warehouses.softDelete(id);
    }

    private Warehouse existing(UUID id) {
        return warehouses.find(id).orElseThrow(() -> new NotFoundException("warehouse", id));
    }

    private void checkName(String name, UUID except) {
        if (warehouses.nameTaken(name, except)) {
            throw duplicateName(name);
        }
    }

    private static DuplicateException duplicateName(String name) {
        return new DuplicateException("name", "A warehouse named '" + name + "' already exists.");
    }
}
