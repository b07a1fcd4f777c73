package dev.eshop.order;

import dev.eshop.platform.events.order.OrderStatus;
import dev.eshop.platform.testing.AuthorizationMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.UUID;
import java.util.stream.Stream;

import static dev.eshop.platform.testing.AuthorizationMatrix.CUSTOMER_A;

/**
 * Who may call what (spec services.md §4.3, §0.8): every endpoint of the order service × the five
 * callers. Customers quote, list their own orders and act on their own (B is refused A's: 403); the
 * cart service (client credentials, scope {@code orders.create}) only places orders; admins list and
 * read every order and ship, but neither quote, nor cancel or confirm for a customer; the DLT replay
 * is ADMIN.
 * <p>
 * A caller who is let through gets a status that changes nothing: an empty body (400), an action the
 * order's status refuses (409), an unknown topic (404), a read (200).
 */
class OrderAuthorizationMatrixTest extends OrderTestSupport {

    @Autowired
    ApplicationContext context;

    @TestFactory
    Stream<DynamicTest> whoMayCallWhat() {
        UUID awaitingPayment = seedOrder(CUSTOMER_A, OrderStatus.PENDING_PAYMENT);
        UUID onDelivery = seedOrder(CUSTOMER_A, OrderStatus.ON_DELIVERY);
        return AuthorizationMatrix.at(port).withTestTokens("orders.create")
                //                                                                anonymous    A    B  admin service
                .row("POST /v1/orders/quote", "{}",                                     401, 400, 400,  403,    403)
                .row("POST /v1/orders", "{}",                                           401, 403, 403,  403,    400)
                .row("GET /v1/orders/me",                                               401, 200, 200,  403,    403)
                .row("GET /v1/orders",                                                  401, 403, 403,  200,    403)
                .row("GET /v1/orders/" + awaitingPayment,                               401, 200, 403,  200,    403)
                .row("POST /v1/orders/" + onDelivery + "/cancel", "{}",                 401, 409, 403,  403,    403)
                .row("POST /v1/orders/" + awaitingPayment + "/confirm-delivery",        401, 409, 403,  403,    403)
                .row("PATCH /v1/orders/" + awaitingPayment + "/status", "{}",           401, 403, 403,  400,    403)
                .row("POST /v1/ops/dlt/not-a-topic-of-order/replay",                    401, 403, 403,  404,    403)
                .coveringEveryEndpointOf(context)
                .tests();
    }
}
