package dev.eshop.warehouse.reservation;

import dev.eshop.platform.web.problem.DuplicateException;
import dev.eshop.platform.web.problem.InvalidStateException;
import dev.eshop.platform.web.problem.ProblemException;
import dev.eshop.warehouse.reservation.Allocation.Candidate;
import dev.eshop.warehouse.reservation.Allocation.Item;
import dev.eshop.warehouse.reservation.Allocation.Line;
import dev.eshop.warehouse.reservation.Allocation.Result;
import dev.eshop.warehouse.reservation.Allocation.Shipment;
import dev.eshop.warehouse.reservation.Allocation.Shortage;
import dev.eshop.warehouse.reservation.ReservationRepository.CatalogEntry;
import dev.eshop.warehouse.reservation.ReservationRepository.Reservation;
import dev.eshop.warehouse.reservation.ReservationRepository.StoredLine;
import dev.eshop.warehouse.stock.Actor;
import dev.eshop.warehouse.stock.MovementType;
import dev.eshop.warehouse.stock.StockLedger;
import dev.eshop.warehouse.stock.StockLedger.LockedProduct;
import dev.eshop.warehouse.stock.StockLedger.NewMovement;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Plans, reserves, releases and commits the stock of orders (spec/services.md §6.3).
 * <p>
 * <b>Reserve</b>, in one transaction: insert the HELD reservation first (a concurrent twin for the
 * same order waits on its key and then answers as a repeat); lock the products, then their stock rows
 * ({@link StockLedger}); allocate on the locked rows; take the units, write the lines, one RESERVE
 * movement per (warehouse, product), and one {@code product-quantity-updated} per product. Anything
 * short or unavailable throws, which rolls all of it back, the reservation row included.
 * <p>
 * <b>Release</b> gives back exactly the stored lines, to the same warehouses, once: the reservation
 * row is locked and only a HELD one is released.
 */
@Service
class ReservationService {

    /** A reservation as order sees it; {@code allocations} are the shipments, nearest first. */
    record ReservationView(UUID orderId, ReservationStatus status, ReleaseReason releaseReason, List<Shipment> allocations,
                           Instant createdAt, Instant updatedAt) {
    }

    /** {@code created} is false for a repeat of an earlier, identical reserve. */
    record Reserved(ReservationView reservation, boolean created) {
    }

    record ShortProduct(UUID productId, String name, int requested, int available) {
    }

    private final ReservationRepository reservations;
    private final StockLedger ledger;

    ReservationService(ReservationRepository reservations, StockLedger ledger) {
        this.reservations = reservations;
        this.ledger = ledger;
    }

    /** What a reserve would take now, changing nothing. */
    @Transactional(readOnly = true)
    public List<Shipment> plan(String zipCode, List<Line> lines) {
        List<UUID> ids = lines.stream().map(Line::productId).toList();
        Map<UUID, CatalogEntry> catalog = reservations.catalog(ids);
        checkAvailable(lines, id -> catalog.containsKey(id) ? catalog.get(id).name() : null,
                id -> catalog.containsKey(id) && !catalog.get(id).deleted());
        Result result = Allocation.allocate(zipCode, lines, reservations.candidates(ids));
        checkComplete(result, id -> catalog.get(id).name());
        return result.shipments();
    }

    @Transactional
    public Reserved reserve(UUID orderId, UUID userId, String zipCode, List<Line> lines) {
        if (!reservations.insertHeld(orderId, userId, zipCode)) {
            return new Reserved(repeat(orderId, lines), false);
        }
        List<UUID> ids = lines.stream().map(Line::productId).toList();
        Map<UUID, LockedProduct> products = ledger.lockProducts(ids);
        checkAvailable(lines, id -> products.containsKey(id) ? products.get(id).name() : null,
                id -> products.containsKey(id) && !products.get(id).deleted());
        List<Candidate> stock = ledger.lockStock(ids).stream()
                .filter(row -> !row.warehouseDeleted() && row.quantity() > 0)
                .map(row -> new Candidate(row.warehouseId(), row.warehouseName(), row.zipCode(), row.main(), row.productId(),
                        row.quantity()))
                .toList();
        Result result = Allocation.allocate(zipCode, lines, stock);
        checkComplete(result, id -> products.get(id).name());
        // Take in (product, warehouse) order, the order the rows were locked in.
        record Take(UUID productId, UUID warehouseId, int quantity) {
        }
        List<Take> takes = result.shipments().stream()
                .flatMap(s -> s.items().stream().map(item -> new Take(item.productId(), s.warehouseId(), item.quantity())))
                .sorted(Comparator.comparing((Take t) -> t.productId().toString()).thenComparing(t -> t.warehouseId().toString()))
                .toList();
        Actor customer = Actor.customer(userId);
        for (Take take : takes) {
            ledger.take(take.warehouseId(), take.productId(), take.quantity());
            reservations.insertLine(orderId, take.warehouseId(), take.productId(), take.quantity());
            ledger.record(new NewMovement(MovementType.RESERVE, take.productId(), take.quantity(), take.warehouseId(), null,
                    orderId, customer, null));
        }
        for (UUID productId : new java.util.TreeSet<>(ids)) {
            ledger.publishTotal(productId, MovementType.RESERVE);
        }
        return new Reserved(view(reservations.find(orderId).orElseThrow()), true);
    }

    /**
     * Gives a HELD reservation's units back and marks it RELEASED; a RELEASED one stays as it is; an
     * unknown order gets a RELEASED tombstone. Returns the reservation as it is afterwards: a
     * COMMITTED one is left untouched, and it is for the caller to refuse.
     */
    @Transactional
    public ReservationView release(UUID orderId, ReleaseReason reason) {
        reservations.insertTombstone(orderId, reason);
        Reservation reservation = reservations.lock(orderId).orElseThrow();
        if (reservation.status() != ReservationStatus.HELD) {
            return view(reservation);
        }
        List<StoredLine> lines = reservations.lines(orderId);
        List<UUID> productIds = lines.stream().map(StoredLine::productId).distinct().toList();
        ledger.lockProducts(productIds);
        ledger.lockStock(productIds);
        for (StoredLine line : lines) {
            ledger.add(line.warehouseId(), line.productId(), line.quantity());
            ledger.record(new NewMovement(MovementType.RELEASE, line.productId(), line.quantity(), null, line.warehouseId(),
                    orderId, Actor.SYSTEM, reason.name()));
        }
        reservations.setStatus(orderId, ReservationStatus.RELEASED, reason);
        for (UUID productId : new java.util.TreeSet<>(productIds)) {
            ledger.publishTotal(productId, MovementType.RELEASE);
        }
        return view(reservations.find(orderId).orElseThrow());
    }

    /** HELD → COMMITTED (the order is paid); returns the status found, which is left alone unless HELD. */
    @Transactional
    public Optional<ReservationStatus> commit(UUID orderId) {
        Optional<Reservation> reservation = reservations.lock(orderId);
        if (reservation.isPresent() && reservation.get().status() == ReservationStatus.HELD) {
            reservations.setStatus(orderId, ReservationStatus.COMMITTED, null);
        }
        return reservation.map(Reservation::status);
    }

    @Transactional(readOnly = true)
    public Optional<ReservationView> find(UUID orderId) {
        return reservations.find(orderId).map(this::view);
    }

    private ReservationView repeat(UUID orderId, List<Line> lines) {
        Reservation existing = reservations.find(orderId).orElseThrow();
        if (existing.status() == ReservationStatus.RELEASED) {
            throw new InvalidStateException(existing.status(), "The reservation of order " + orderId + " was released.");
        }
        Map<UUID, Integer> stored = reservations.lines(orderId).stream()
                .collect(Collectors.toMap(StoredLine::productId, StoredLine::quantity, Integer::sum, TreeMap::new));
        Map<UUID, Integer> requested = lines.stream()
                .collect(Collectors.toMap(Line::productId, Line::quantity, Integer::sum, TreeMap::new));
        if (!stored.equals(requested)) {
            throw new DuplicateException("order_id", "Order " + orderId + " already has a reservation with other lines.");
        }
        return view(existing);
    }

    private ReservationView view(Reservation reservation) {
        Map<UUID, List<StoredLine>> byWarehouse = new LinkedHashMap<>();
        reservations.lines(reservation.orderId()).forEach(line ->
                byWarehouse.computeIfAbsent(line.warehouseId(), id -> new ArrayList<>()).add(line));
        String zip = reservation.zipCode();
        List<Shipment> shipments = byWarehouse.values().stream()
                .map(group -> {
                    StoredLine first = group.getFirst();
                    return new Shipment(first.warehouseId(), first.warehouseName(), first.warehouseZip(),
                            zip == null ? 0 : Allocation.distance(first.warehouseZip(), zip),
                            group.stream().map(l -> new Item(l.productId(), l.quantity())).toList());
                })
                .sorted(Comparator.comparingInt(Shipment::distance)
                        .thenComparing(s -> !byWarehouse.get(s.warehouseId()).getFirst().main())
                        .thenComparing(s -> s.warehouseId().toString()))
                .toList();
        return new ReservationView(reservation.orderId(), reservation.status(), reservation.releaseReason(), shipments,
                reservation.createdAt(), reservation.updatedAt());
    }

    /** A deleted or unknown product counts as none available (spec §6.2): the whole request is short. */
    private static void checkAvailable(List<Line> lines, java.util.function.Function<UUID, String> names,
                                       java.util.function.Predicate<UUID> offered) {
        List<ShortProduct> shortProducts = lines.stream().filter(line -> !offered.test(line.productId()))
                .map(line -> new ShortProduct(line.productId(), names.apply(line.productId()), line.quantity(), 0))
                .toList();
        if (!shortProducts.isEmpty()) {
            String listed = shortProducts.stream().map(p -> p.name() == null ? "product " + p.productId() : p.name())
                    .collect(Collectors.joining(", "));
            throw new ProblemException(HttpStatus.CONFLICT, "insufficient-stock", "Insufficient stock",
                    "Not sold any more: " + listed + ".").with("short_products", shortProducts);
        }
    }

    private static void checkComplete(Result result, java.util.function.Function<UUID, String> names) {
        if (result.complete()) {
            return;
        }
        List<ShortProduct> shortProducts = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (Shortage shortage : result.shortages()) {
            String name = names.apply(shortage.productId());
            shortProducts.add(new ShortProduct(shortage.productId(), name, shortage.requested(), shortage.available()));
            sentences.add("Only %d of %s %s available".formatted(shortage.available(), name,
                    shortage.available() == 1 ? "is" : "are"));
        }
        throw new ProblemException(HttpStatus.CONFLICT, "insufficient-stock", "Insufficient stock",
                String.join("; ", sentences) + ".").with("short_products", shortProducts);
    }
}
