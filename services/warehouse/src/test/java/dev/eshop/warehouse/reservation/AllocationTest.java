package dev.eshop.warehouse.reservation;

import dev.eshop.warehouse.reservation.Allocation.Candidate;
import dev.eshop.warehouse.reservation.Allocation.Line;
import dev.eshop.warehouse.reservation.Allocation.Result;
import dev.eshop.warehouse.reservation.Allocation.Shortage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The allocation rule of spec/services.md §6.2, table-driven: nearest first, split when short, all or nothing. */
class AllocationTest {

    static final UUID CAR = UUID.fromString("00000000-0000-7000-8000-00000000000c");
    static final UUID BIKE = UUID.fromString("00000000-0000-7000-8000-00000000000b");
    static final UUID A = UUID.fromString("00000000-0000-7000-8000-0000000000a1");
    static final UUID B = UUID.fromString("00000000-0000-7000-8000-0000000000b2");
    static final UUID C = UUID.fromString("00000000-0000-7000-8000-0000000000c3");

    static Candidate at(UUID warehouse, String zip, boolean main, UUID product, int units) {
        String name = warehouse.equals(A) ? "A" : warehouse.equals(B) ? "B" : "C";
        return new Candidate(warehouse, name, zip, main, product, units);
    }

    record Case(String name, String zip, List<Line> lines, List<Candidate> stock, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Shipments written as "A:car=5,bike=1 B:car=3", nearest first. */
    static Stream<Case> cases() {
        List<Candidate> fiveEach = List.of(at(A, "10000", true, CAR, 5), at(B, "10100", false, CAR, 5), at(C, "10300", false, CAR, 5));
        return Stream.of(
                new Case("the spec's example: 5 from A, 3 from B", "10000", List.of(new Line(CAR, 8)), fiveEach, "A:car=5 B:car=3"),
                new Case("the nearest alone when it has enough", "10300", List.of(new Line(CAR, 4)), fiveEach, "C:car=4"),
                new Case("distance counts both ways", "10150", List.of(new Line(CAR, 7)), fiveEach, "B:car=5 A:car=2"),
                new Case("all three when needed", "10300", List.of(new Line(CAR, 15)), fiveEach, "C:car=5 B:car=5 A:car=5"),
                new Case("an empty warehouse is skipped", "10000", List.of(new Line(CAR, 2)),
                        List.of(at(A, "10000", true, CAR, 0), at(B, "10900", false, CAR, 2)), "B:car=2"),
                new Case("equal distance: the main one first", "10100", List.of(new Line(CAR, 1)),
                        List.of(at(C, "10200", false, CAR, 1), at(A, "10000", true, CAR, 1)), "A:car=1"),
                new Case("equal distance, neither main: lower id first", "10100", List.of(new Line(CAR, 1)),
                        List.of(at(C, "10200", false, CAR, 1), at(B, "10000", false, CAR, 1)), "B:car=1"),
                new Case("leading zeros are numbers", "00100", List.of(new Line(CAR, 1)),
                        List.of(at(A, "09000", true, CAR, 1), at(B, "00099", false, CAR, 1)), "B:car=1"),
                new Case("two products grouped per warehouse", "10000", List.of(new Line(CAR, 6), new Line(BIKE, 1)),
                        List.of(at(A, "10000", true, CAR, 5), at(A, "10000", true, BIKE, 1), at(B, "10100", false, CAR, 5)),
                        "A:car=5,bike=1 B:car=1"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void allocates(Case c) {
        Result result = Allocation.allocate(c.zip(), c.lines(), c.stock());
        assertThat(result.complete()).isTrue();
        String shipments = String.join(" ", result.shipments().stream().map(s -> s.warehouseName() + ":" + String.join(",",
                s.items().stream().map(i -> (i.productId().equals(CAR) ? "car" : "bike") + "=" + i.quantity()).toList())).toList());
        assertThat(shipments).isEqualTo(c.expected());
    }

    @Test
    void distancesAreReportedPerShipment() {
        Result result = Allocation.allocate("10150", List.of(new Line(CAR, 7)),
                List.of(at(A, "10000", true, CAR, 5), at(B, "10100", false, CAR, 5)));
        assertThat(result.shipments()).extracting(s -> s.distance()).containsExactly(50, 150);
    }

    @Test
    void allOrNothingListingEveryShortProductWithWhatThereIs() {
        Result result = Allocation.allocate("10000", List.of(new Line(CAR, 16), new Line(BIKE, 1), new Line(UUID.randomUUID(), 1)),
                List.of(at(A, "10000", true, CAR, 5), at(B, "10100", false, CAR, 5), at(C, "10300", false, CAR, 5),
                        at(A, "10000", true, BIKE, 1)));
        assertThat(result.complete()).isFalse();
        assertThat(result.shipments()).isEmpty();
        assertThat(result.shortages()).hasSize(2);
        assertThat(result.shortages().getFirst()).isEqualTo(new Shortage(CAR, 16, 15));
        assertThat(result.shortages().get(1).available()).isZero();
    }
}
