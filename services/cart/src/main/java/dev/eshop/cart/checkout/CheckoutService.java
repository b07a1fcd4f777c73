package dev.eshop.cart.checkout;

import dev.eshop.cart.cache.CartSnapshot;
import dev.eshop.cart.cart.CartService;
import dev.eshop.cart.checkout.OrderClient.Line;
import dev.eshop.cart.checkout.OrderClient.OrderRequest;
import dev.eshop.cart.checkout.OrderClient.PlacedOrder;
import dev.eshop.platform.web.problem.InvalidStateException;
import dev.eshop.platform.web.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Checkout (spec/services.md §3.5): all lines of the caller's cart become an order at order's
 * {@code POST /v1/orders}, under the customer's Idempotency-Key. Once order answers with the order (201,
 * or 200 when this key already made one), the lines of the ordered products are deleted and the answer is
 * stored for the key, in one MySQL transaction; then Redis follows. Any refusal or failure of order leaves
 * the cart as it was.
 */
@Service
class CheckoutService {

    private static final Logger log = LoggerFactory.getLogger(CheckoutService.class);

    private final CartService carts;
    private final OrderClient orders;
    private final CheckoutAnswers answers;
    private final JsonMapper json;

    CheckoutService(CartService carts, OrderClient orders, CheckoutAnswers answers, JsonMapper json) {
        this.carts = carts;
        this.orders = orders;
        this.answers = answers;
        this.json = json;
    }

    CheckoutResult checkout(String idempotencyKey, CheckoutRequest request, HttpServletRequest http) {
        UUID userId = CurrentUser.id();
        CartSnapshot cart = carts.committed(userId);
        if (cart.lines().isEmpty()) {
            throw new InvalidStateException(null, "Your cart is empty.");
        }
        JwtAuthenticationToken token = (JwtAuthenticationToken) SecurityContextHolder.getContext().getAuthentication();
        String email = token.getToken().getClaimAsString("email");
        String name = token.getToken().getClaimAsString("name");
        PlacedOrder order = orders.place(idempotencyKey, new OrderRequest(userId, email, name == null ? email : name,
                cart.lines().stream().map(line -> new Line(line.productId(), line.quantity())).toList(),
                request.address(), request.expectedTotal()));

        CheckoutResult result = new CheckoutResult(order.id(), order.status(), order.total(), order.paymentDueAt());
        String body = json.writeValueAsString(result);
        AtomicBoolean stored = new AtomicBoolean();
        carts.removeOrdered(userId, order.productIds(),
                () -> stored.set(answers.store(CurrentUser.subject(), idempotencyKey, 201, body)));
        if (stored.get()) {
            answers.handOver(http);
        }
        else {
            log.warn("The Idempotency-Key record of checkout {} was not in progress any more; the answer is stored after the request", order.id());
        }
        log.info("Checkout of {} placed order {} with {} products", userId, order.id(), order.productIds().size());
        return result;
    }
}
