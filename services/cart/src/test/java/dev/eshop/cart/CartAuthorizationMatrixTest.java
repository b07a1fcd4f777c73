package dev.eshop.cart;

import dev.eshop.platform.testing.AuthorizationMatrix;
import dev.eshop.platform.testing.WithKafka;
import dev.eshop.platform.testing.WithMariaDb;
import dev.eshop.platform.testing.WithRedis;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.util.stream.Stream;

/**
 * Who may call what (spec/services.md §3.4, §0.8): every endpoint of the cart service × the five callers.
 * Every cart endpoint is CUSTOMER only and acts on the caller's own cart (the token's {@code sub}), so
 * customers A and B each get their own answer and neither can reach the other's cart; an admin and a
 * service client (even one with {@code orders.create}) are refused; the DLT replay is ADMIN; the probes and
 * the API document are PUBLIC.
 * <p>
 * A caller who is let through gets a status that changes nothing: an empty body (400), a line that is not
 * there (200), an empty cart (200), a checkout without its Idempotency-Key (400).
 */
@SpringBootTest(classes = CartApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithMariaDb
@WithRedis
@WithKafka
class CartAuthorizationMatrixTest {

    private static final String UNKNOWN = "0197a000-0000-7000-8000-0000000000ff";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @TestFactory
    Stream<DynamicTest> whoMayCallWhat() {
        return AuthorizationMatrix.at(port).withTestTokens("orders.create")
                //                                                        anonymous    A    B  admin service
                .row("GET /v1/carts/me",                                        401, 200, 200,  403,    403)
                .row("POST /v1/carts/me/lines", "{}",                           401, 400, 400,  403,    403)
                .row("PATCH /v1/carts/me/lines/" + UNKNOWN, "{}",               401, 400, 400,  403,    403)
                .row("DELETE /v1/carts/me/lines/" + UNKNOWN,                    401, 200, 200,  403,    403)
                .row("DELETE /v1/carts/me",                                     401, 200, 200,  403,    403)
                .row("POST /v1/carts/checkout", "{}",                           401, 400, 400,  403,    403)
                .row("POST /v1/ops/dlt/not-a-topic-of-cart/replay",             401, 403, 403,  404,    403)
                .row("GET /actuator/health/readiness",                          200, 200, 200,  200,    200)
                .row("GET /v3/api-docs",                                        200, 200, 200,  200,    200)
                .coveringEveryEndpointOf(context)
                .tests();
    }
}
