package dev.eshop.warehouse.reservation;

import dev.eshop.platform.web.ZipCode;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import dev.eshop.platform.web.problem.InvalidStateException;
import dev.eshop.platform.web.problem.NotFoundException;
import dev.eshop.warehouse.reservation.Allocation.Line;
import dev.eshop.warehouse.reservation.Allocation.Shipment;
import dev.eshop.warehouse.reservation.ReservationService.Reserved;
import dev.eshop.warehouse.reservation.ReservationService.ReservationView;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** order's calls (client credentials, scope {@code stock.reserve}): plan, reserve, release. See AccessRules. */
@RestController
@Tag(name = "Reservations", description = "Dry-run plan, reserve and release of an order's stock (SERVICE stock.reserve)")
class ReservationController {

    record LineRequest(@NotNull UUID productId, @Min(1) @Max(10) int quantity) {
    }

    record PlanRequest(@ZipCode String zipCode, @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid LineRequest> lines) {
    }

    record ReserveRequest(@NotNull UUID orderId, UUID userId, @ZipCode String zipCode,
                          @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid LineRequest> lines) {
    }

    /** The reasons order gives when it releases a reservation itself. */
    enum CheckoutRelease { CHECKOUT_FAILED, CHECKOUT_ABANDONED }

    record ReleaseRequest(@NotNull CheckoutRelease reason) {
    }

    record Plan(List<Shipment> allocations) {
    }

    record ReleaseView(UUID orderId, ReservationStatus status) {
    }

    private final ReservationService reservations;

    ReservationController(ReservationService reservations) {
        this.reservations = reservations;
    }

    @PostMapping("/v1/stock/plan")
    Plan plan(@Valid @RequestBody PlanRequest request) {
        return new Plan(reservations.plan(request.zipCode(), lines(request.lines())));
    }

    @PostMapping("/v1/reservations")
    ResponseEntity<ReservationView> reserve(@Valid @RequestBody ReserveRequest request) {
        Reserved reserved = reservations.reserve(request.orderId(), request.userId(), request.zipCode(), lines(request.lines()));
        return ResponseEntity.status(reserved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(reserved.reservation());
    }

    @PostMapping("/v1/reservations/{order_id}/release")
    ReleaseView release(@PathVariable("order_id") UUID orderId, @Valid @RequestBody ReleaseRequest request) {
        ReservationView released = reservations.release(orderId, ReleaseReason.valueOf(request.reason().name()));
        if (released.status() == ReservationStatus.COMMITTED) {
            throw new InvalidStateException(released.status(), "The order " + orderId + " is paid; its stock can no longer be released.");
        }
        return new ReleaseView(orderId, released.status());
    }

    @GetMapping("/v1/reservations/{order_id}")
    ReservationView get(@PathVariable("order_id") UUID orderId) {
        return reservations.find(orderId).orElseThrow(() -> new NotFoundException("reservation for order", orderId));
    }

    private static List<Line> lines(List<LineRequest> requested) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            if (!seen.add(requested.get(i).productId())) {
                throw new InvalidFieldsException("lines[" + i + "].product_id", "must not repeat a product of an earlier line");
            }
        }
        return requested.stream().map(line -> new Line(line.productId(), line.quantity())).toList();
    }
}
