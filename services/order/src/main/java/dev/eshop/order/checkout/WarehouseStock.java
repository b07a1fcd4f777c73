package dev.eshop.order.checkout;

import dev.eshop.platform.web.client.ServiceClients;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.List;
import java.util.UUID;

/**
 * The warehouse service's allocation calls: {@code plan} (a dry run, for quotes), {@code reserve} and
 * {@code release} (both idempotent by order id, so all three are safe to retry).
 */
@Component
class WarehouseStock {

    record Line(UUID productId, int quantity) {
    }

    record Item(UUID productId, int quantity) {
    }

    /** What one warehouse sends: a shipment, nearest first. */
    record Allocation(UUID warehouseId, String warehouseName, String zipCode, int distance, List<Item> items) {
    }

    record PlanRequest(String zipCode, List<Line> lines) {
    }

    record Plan(List<Allocation> allocations) {
    }

    record ReserveRequest(UUID orderId, UUID userId, String zipCode, List<Line> lines) {
    }

    record Reservation(UUID orderId, String status, List<Allocation> allocations) {
    }

    record ReleaseRequest(String reason) {
    }

    static final String CHECKOUT_FAILED = "CHECKOUT_FAILED";
    static final String CHECKOUT_ABANDONED = "CHECKOUT_ABANDONED";

    private final RestClient warehouse;

    WarehouseStock(ServiceClients clients) {
        this.warehouse = clients.create("warehouse");
    }

    List<Allocation> plan(String zipCode, List<Line> lines) {
        Plan plan = warehouse.post().uri("/v1/stock/plan")
                .attribute(ServiceClients.SAFE_TO_RETRY, true)
                .body(new PlanRequest(zipCode, lines))
                .retrieve()
                .body(Plan.class);
        return plan == null || plan.allocations() == null ? List.of() : plan.allocations();
    }

    Reservation reserve(UUID orderId, UUID userId, String zipCode, List<Line> lines) {
        return warehouse.post().uri("/v1/reservations")
                .attribute(ServiceClients.SAFE_TO_RETRY, true)
                .body(new ReserveRequest(orderId, userId, zipCode, lines))
                .retrieve()
                .body(Reservation.class);
    }

    void release(UUID orderId, String reason) {
        warehouse.post().uri("/v1/reservations/{order_id}/release", orderId)
                .attribute(ServiceClients.SAFE_TO_RETRY, true)
                .body(new ReleaseRequest(reason))
                .retrieve()
                .toBodilessEntity();
    }
}
