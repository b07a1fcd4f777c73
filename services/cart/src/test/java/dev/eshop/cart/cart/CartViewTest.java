package dev.eshop.cart.cart;

import dev.eshop.cart.cache.CartSnapshot;
import dev.eshop.cart.cache.ProductCopy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The cart resource computed from stored lines and product copies (spec/services.md §3.3), table by table. */
class CartViewTest {

    private static final Instant NOW = Instant.parse("2025-01-09T08:00:00Z");

    @Test
    void totalsLimitsAndProblemsOfEachKindOfLine() {
        UUID fine = UUID.randomUUID();
        UUID tooMany = UUID.randomUUID();
        UUID soldOut = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        UUID plenty = UUID.randomUUID();
        CartSnapshot snapshot = new CartSnapshot(UUID.randomUUID(), 7, NOW, List.of(
                line(fine, 2), line(tooMany, 3), line(soldOut, 1), line(deleted, 1), line(unknown, 4), line(plenty, 1)));
        Map<UUID, ProductCopy> products = Map.of(
                fine, product(fine, "70000.00", 5, false),
                tooMany, product(tooMany, "9999.99", 2, false),
                soldOut, product(soldOut, "5000.00", 0, false),
                deleted, product(deleted, "3500.00", 4, true),
                plenty, product(plenty, "100.10", 40, false));

        Cart cart = Cart.of(snapshot, products, 10);

        assertThat(cart.lines()).extracting(Cart.Line::problem)
                .containsExactly(null, LineProblem.EXCEEDS_STOCK, LineProblem.OUT_OF_STOCK, LineProblem.UNAVAILABLE, LineProblem.UNAVAILABLE, null);
        assertThat(cart.lines()).extracting(Cart.Line::maxQuantity).containsExactly(5, 2, 0, 0, 0, 10);
        assertThat(cart.lines()).extracting(Cart.Line::lineTotal).containsExactly(new BigDecimal("140000.00"), new BigDecimal("29999.97"),
                new BigDecimal("5000.00"), null, null, new BigDecimal("100.10"));
        assertThat(cart.lines().get(3).productName()).isEqualTo("Product " + deleted);
        assertThat(cart.lines().get(4).productName()).isNull();
        assertThat(cart.lines().get(4).unitPrice()).isNull();
        assertThat(cart.totalQuantity()).isEqualTo(12);
        assertThat(cart.subtotal()).isEqualTo(new BigDecimal("175100.07"));
        assertThat(cart.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void anEmptyCartHasNoLinesAndZeroTotals() {
        Cart cart = Cart.of(new CartSnapshot(UUID.randomUUID(), 0, null, List.of()), Map.of(), 10);
        assertThat(cart.lines()).isEmpty();
        assertThat(cart.totalQuantity()).isZero();
        assertThat(cart.subtotal()).isEqualTo(new BigDecimal("0.00"));
        assertThat(cart.updatedAt()).isNull();
    }

    private static CartSnapshot.Line line(UUID productId, int quantity) {
        return new CartSnapshot.Line(productId, quantity, null, NOW, NOW);
    }

    private static ProductCopy product(UUID productId, String price, int stock, boolean deleted) {
        return new ProductCopy(productId, "Product " + productId, new BigDecimal(price), null, stock, deleted, 1, NOW);
    }
}
