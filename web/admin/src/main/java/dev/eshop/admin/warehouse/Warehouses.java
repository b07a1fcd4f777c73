package dev.eshop.admin.warehouse;

import dev.eshop.admin.site.ResultPage;
import dev.eshop.platform.webapp.client.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.UUID;

/** Warehouses at the warehouse service. */
@Component
public class Warehouses {

    /** The warehouse service lists at most this many per page; a shop has far fewer warehouses. */
    public static final int ALL = 100;

    private static final ParameterizedTypeReference<ResultPage<Warehouse>> PAGE = new ParameterizedTypeReference<>() {
    };

    private final RestClient warehouse;

    Warehouses(ServiceClients clients) {
        this.warehouse = clients.create("warehouse");
    }

    public ResultPage<Warehouse> list(int page, int size, String sort) {
        return warehouse.get().uri("/v1/warehouses?page={page}&size={size}&sort={sort}", page, size, sort).retrieve().body(PAGE);
    }

    /** Every warehouse by name, for the selects of the stock pages. */
    public List<Warehouse> all() {
        return list(0, ALL, "name,asc").items();
    }

    public Warehouse get(UUID id) {
        return warehouse.get().uri("/v1/warehouses/{id}", id).retrieve().body(Warehouse.class);
    }

    /** The first warehouse becomes the main one. */
    public Warehouse create(Address address, String idempotencyKey) {
        return warehouse.post().uri("/v1/warehouses").header("Idempotency-Key", idempotencyKey).body(address).retrieve()
                .body(Warehouse.class);
    }

    public Warehouse update(UUID id, Address address) {
        return warehouse.put().uri("/v1/warehouses/{id}", id).body(address).retrieve().body(Warehouse.class);
    }

    public Warehouse makeMain(UUID id) {
        return warehouse.post().uri("/v1/warehouses/{id}/make-main", id).retrieve().body(Warehouse.class);
    }

    /** Refused (409) for the main warehouse, one that holds stock, or one with units reserved for orders. */
    public void delete(UUID id) {
        warehouse.delete().uri("/v1/warehouses/{id}", id).retrieve().toBodilessEntity();
    }

    /** What a warehouse is: its name and where it is. */
    public record Address(String name, String street, String city, String state, String zipCode) {
    }
}
