package dev.eshop.payment;

import dev.eshop.platform.testing.AuthorizationMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.UUID;
import java.util.stream.Stream;

/**
 * Who may call what (spec services.md §5.3, §0.1, §0.8): every endpoint of the payment service × the five
 * callers. Customer A owns the seeded payment (uploaded through the API for an order published as order
 * does); customer B owns nothing of A's and gets 403 on it; an admin may read and review everything but
 * not upload (CUSTOMER only); a service client (scopes, no roles) is refused everywhere.
 * <p>
 * A caller who is let through gets a status that changes nothing: JSON where the upload wants multipart
 * (415), an empty review (400 validation), an unknown id (404), a read (200).
 */
class PaymentAuthorizationMatrixTest extends PaymentTestSupport {

    private static final String UNKNOWN = "0197a000-0000-7000-8000-0000000000ff";

    @Autowired
    ApplicationContext context;

    @TestFactory
    Stream<DynamicTest> whoMayCallWhat() {
        UUID seeded = uploaded(AuthorizationMatrix.CUSTOMER_A, order(AuthorizationMatrix.CUSTOMER_A));
        String payment = "/v1/payments/" + seeded;
        return AuthorizationMatrix.at(port).withTestTokens("orders.create", "stock.reserve")
                //                                                              anonymous    A    B  admin service
                .row("POST /v1/payments", "{}",                                       401, 415, 415,  403,    403)
                .row("GET /v1/payments",                                              401, 200, 200,  200,    403)
                .row("GET /v1/payments?status=PENDING&sort=created_at,asc",           401, 200, 200,  200,    403)
                .row("GET " + payment,                                                401, 200, 403,  200,    403)
                .row("GET /v1/payments/" + UNKNOWN,                                   401, 404, 404,  404,    403)
                .row("GET " + payment + "/image",                                     401, 200, 403,  200,    403)
                .row("GET " + payment + "/image?variant=thumbnail",                   401, 200, 403,  200,    403)
                .row("GET /v1/payments/" + UNKNOWN + "/image",                        401, 404, 404,  404,    403)
                .row("POST " + payment + "/review", "{}",                             401, 403, 403,  400,    403)
                .row("POST /v1/payments/" + UNKNOWN + "/review", "{\"decision\":\"APPROVED\"}",
                                                                                      401, 403, 403,  404,    403)
                .row("POST /v1/ops/dlt/order-created/replay",                         401, 403, 403,  200,    403)
                .row("POST /v1/ops/dlt/not-a-topic-of-payment/replay",                401, 403, 403,  404,    403)
                // Operational endpoints are public (§0.8); readiness includes the database.
                .row("GET /actuator/health/readiness",                                200, 200, 200,  200,    200)
                .row("GET /v3/api-docs",                                              200, 200, 200,  200,    200)
                .coveringEveryEndpointOf(context)
                .tests();
    }
}
