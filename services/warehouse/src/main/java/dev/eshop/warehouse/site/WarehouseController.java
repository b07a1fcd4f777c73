package dev.eshop.warehouse.site;

import dev.eshop.platform.web.idempotency.Idempotent;
import dev.eshop.platform.web.ZipCode;
import dev.eshop.platform.web.paging.PageQuery;
import dev.eshop.platform.web.paging.PageResult;
import dev.eshop.platform.web.paging.Sortable;
import dev.eshop.platform.web.problem.NotFoundException;
import dev.eshop.warehouse.site.WarehouseRepository.Nearest;
import dev.eshop.warehouse.site.WarehouseRepository.Warehouse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Warehouses (ADMIN), and the nearest one to a zip code (order's service token, or ADMIN). See AccessRules. */
@RestController
@RequestMapping("/v1/warehouses")
@Tag(name = "Warehouses", description = "Warehouses: exactly one main; the nearest to a zip code")
class WarehouseController {

    private final WarehouseService service;
    private final WarehouseRepository warehouses;

    WarehouseController(WarehouseService service, WarehouseRepository warehouses) {
        this.service = service;
        this.warehouses = warehouses;
    }

    @GetMapping
    PageResult<Warehouse> list(@RequestParam(name = "include_deleted", defaultValue = "false") boolean includeDeleted,
                               @Sortable(value = {"name", "zip_code"}, byDefault = "name,asc") PageQuery page) {
        return warehouses.list(includeDeleted, page);
    }

    @GetMapping("/{id}")
    Warehouse get(@PathVariable UUID id) {
        return warehouses.find(id).orElseThrow(() -> new NotFoundException("warehouse", id));
    }

    @PostMapping
    @Idempotent
    @ResponseStatus(HttpStatus.CREATED)
    Warehouse create(@Valid @RequestBody WarehouseRequest request) {
        return service.create(request);
    }

    @PutMapping("/{id}")
    Warehouse update(@PathVariable UUID id, @Valid @RequestBody WarehouseRequest request) {
        return service.update(id, request);
    }

    @PostMapping("/{id}/make-main")
    Warehouse makeMain(@PathVariable UUID id) {
        return service.makeMain(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        service.delete(id);
    }

    @GetMapping("/nearest")
    Nearest nearest(@RequestParam("zip_code") @ZipCode String zipCode,
                    @RequestParam(name = "product_id", required = false) UUID productId) {
        return warehouses.nearest(zipCode, productId).orElseThrow(() -> new NotFoundException(productId == null
                ? "There is no warehouse yet." : "No warehouse has product " + productId + " in stock."));
    }
}
