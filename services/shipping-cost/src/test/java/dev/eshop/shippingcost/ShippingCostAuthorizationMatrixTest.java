package dev.eshop.shippingcost;

import dev.eshop.platform.testing.AuthorizationMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.util.stream.Stream;

/**
 * Who may call what (spec services.md §8.2): the only endpoint is SERVICE(shipping.quote), so
 * customers and admins alike are refused. The service token carries {@code shipping.quote}, the
 * scope of the order service's client. An empty body gets past security and fails validation (400).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShippingCostAuthorizationMatrixTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @TestFactory
    Stream<DynamicTest> whoMayCallWhat() {
        return AuthorizationMatrix.at(port).withTestTokens("shipping.quote")
                //                                 anonymous    A    B  admin service
                .row("POST /shipping-cost", "{}",        401, 403, 403,  403,    400)
                .coveringEveryEndpointOf(context)
                .tests();
    }
}
