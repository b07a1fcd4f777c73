package dev.eshop.cart.cart;

import dev.eshop.platform.web.idempotency.Idempotent;
import dev.eshop.platform.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * The caller's own cart (CUSTOMER, see AccessRules): always the cart of the token's {@code sub}, so a
 * customer can neither see nor change anyone else's. Lines are addressed by product id.
 */
@RestController
@RequestMapping("/v1/carts/me")
@Tag(name = "Cart", description = "The signed-in customer's cart")
class CartController {

    private final CartService carts;

    CartController(CartService carts) {
        this.carts = carts;
    }

    @GetMapping
    Cart get() {
        return carts.read(CurrentUser.id());
    }

    /** Adds units of a product; if the product is already in the cart its line grows. */
    @PostMapping("/lines")
    @Idempotent
    Cart add(@Valid @RequestBody AddLineRequest request) {
        return carts.add(CurrentUser.id(), request);
    }

    @PatchMapping("/lines/{productId}")
    Cart change(@PathVariable UUID productId, @Valid @RequestBody ChangeLineRequest request) {
        return carts.change(CurrentUser.id(), productId, request);
    }

    /** Removes a line; a line that is not there is not an error. */
    @DeleteMapping("/lines/{productId}")
    Cart remove(@PathVariable UUID productId) {
        return carts.remove(CurrentUser.id(), productId);
    }

    /** Empties the cart. */
    @DeleteMapping
    Cart clear() {
        return carts.clear(CurrentUser.id());
    }
}
