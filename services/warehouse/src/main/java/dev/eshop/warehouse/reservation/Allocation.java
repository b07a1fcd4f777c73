package dev.eshop.warehouse.reservation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which warehouses an order's lines are taken from (spec/services.md §6.2), as a pure function of the
 * customer's zip code, the lines and the stock on hand. Per product, warehouses holding it are tried
 * nearest first (|warehouse zip − customer zip|, then the main warehouse, then warehouse id), each
 * giving min(what it has, what is still needed). All or nothing: if any product falls short, the
 * answer lists every short product and takes nothing.
 */
public final class Allocation {

    /** Units of one product in one (non-deleted) warehouse. */
    public record Candidate(UUID warehouseId, String warehouseName, String zipCode, boolean main, UUID productId, int available) {
    }

    /** A requested line: a product and how many units. */
    public record Line(UUID productId, int quantity) {
    }

    public record Item(UUID productId, int quantity) {
    }

    /** What one warehouse ships: one shipment. */
    public record Shipment(UUID warehouseId, String warehouseName, String zipCode, int distance, List<Item> items) {
    }

    /** A product the warehouses cannot cover: how many were asked for and how many there are in all. */
    public record Shortage(UUID productId, int requested, int available) {
    }

    /** Either shipments (nearest first) or, when something is short, the shortages and no shipments. */
    public record Result(List<Shipment> shipments, List<Shortage> shortages) {

        public boolean complete() {
            return shortages.isEmpty();
        }
    }

    private Allocation() {
    }

    /** |a − b| of two 5-digit zip codes, by their numeric values. */
    public static int distance(String a, String b) {
        return Math.abs(Integer.parseInt(a) - Integer.parseInt(b));
    }

    public static Result allocate(String zipCode, List<Line> lines, List<Candidate> stock) {
        Comparator<Candidate> nearestFirst = Comparator.<Candidate>comparingInt(c -> distance(c.zipCode(), zipCode))
                .thenComparing(c -> !c.main())
                .thenComparing(c -> c.warehouseId().toString());
        List<Shortage> shortages = new ArrayList<>();
        List<Taken> taken = new ArrayList<>();
        for (Line line : lines) {
            List<Candidate> holding = stock.stream()
                    .filter(c -> c.productId().equals(line.productId()) && c.available() > 0)
                    .sorted(nearestFirst).toList();
            int needed = line.quantity();
            for (Candidate candidate : holding) {
                if (needed == 0) {
                    break;
                }
                int take = Math.min(candidate.available(), needed);
                taken.add(new Taken(candidate, take));
                needed -= take;
            }
            if (needed > 0) {
                shortages.add(new Shortage(line.productId(), line.quantity(), holding.stream().mapToInt(Candidate::available).sum()));
            }
        }
        if (!shortages.isEmpty()) {
            return new Result(List.of(), List.copyOf(shortages));
        }
        Map<UUID, List<Taken>> byWarehouse = new LinkedHashMap<>();
        taken.stream().sorted(Comparator.comparing(Taken::candidate, nearestFirst))
                .forEach(t -> byWarehouse.computeIfAbsent(t.candidate().warehouseId(), id -> new ArrayList<>()).add(t));
        List<Shipment> shipments = byWarehouse.values().stream().map(group -> {
            Candidate warehouse = group.getFirst().candidate();
            return new Shipment(warehouse.warehouseId(), warehouse.warehouseName(), warehouse.zipCode(),
                    distance(warehouse.zipCode(), zipCode),
                    group.stream().map(t -> new Item(t.candidate().productId(), t.quantity())).toList());
        }).toList();
        return new Result(shipments, List.of());
    }

    private record Taken(Candidate candidate, int quantity) {
    }
}
