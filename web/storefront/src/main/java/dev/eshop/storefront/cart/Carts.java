package dev.eshop.storefront.cart;

import dev.eshop.platform.webapp.client.ServiceClients;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The signed-in customer's cart at the cart service, and checkout, which starts there. */
@Component
public class Carts {

    private final RestClient cart;

    Carts(ServiceClients clients) {
        this.cart = clients.create("cart");
    }

    public Cart mine() {
        return cart.get().uri("/v1/carts/me").retrieve().body(Cart.class);
    }

    /** Adds units of a product (to its line if there is one); the key makes a repeated submit add them once. */
    public Cart add(UUID productId, int quantity, String idempotencyKey) {
        return cart.post().uri("/v1/carts/me/lines")
                .header("Idempotency-Key", idempotencyKey)
                .body(new NewLine(productId, quantity))
                .retrieve().body(Cart.class);
    }

    /** A line's new quantity and note. */
    public Cart change(UUID productId, int quantity, String note) {
        return cart.patch().uri("/v1/carts/me/lines/{productId}", productId)
                .body(new LineChange(quantity, note == null ? "" : note))
                .retrieve().body(Cart.class);
    }

    public Cart remove(UUID productId) {
        return cart.delete().uri("/v1/carts/me/lines/{productId}", productId).retrieve().body(Cart.class);
    }

    public Cart clear() {
        return cart.delete().uri("/v1/carts/me").retrieve().body(Cart.class);
    }

    /** Places the order for every line of the cart; the key is the one made when the checkout page was shown. */
    public PlacedOrder checkout(Address address, BigDecimal expectedTotal, String idempotencyKey) {
        return cart.post().uri("/v1/carts/checkout")
                .header("Idempotency-Key", idempotencyKey)
                .body(new Checkout(address, expectedTotal))
                .retrieve().body(PlacedOrder.class);
    }

    record NewLine(UUID productId, int quantity) {
    }

    record LineChange(int quantity, String note) {
    }

    record Checkout(Address address, BigDecimal expectedTotal) {
    }

    /** A delivery address as checkout sends it; {@code note} is the customer's delivery note. */
    public record Address(String street, String city, String state, String zipCode, String note) {
    }

    /**
     * One vehicle of cart's {@code insufficient-stock} problem (on adding and on checkout): {@code requested} is what the line
     * would have held, {@code available} what is in stock.
     */
    public record ShortProduct(UUID productId, String name, int requested, int available) {
    }

    /** What checkout answers: the order that was placed. */
    public record PlacedOrder(UUID orderId, String status, BigDecimal total, Instant paymentDueAt) {
    }
}
