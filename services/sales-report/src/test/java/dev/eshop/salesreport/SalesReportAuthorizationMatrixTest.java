package dev.eshop.salesreport;

import dev.eshop.platform.testing.AuthorizationMatrix;
import dev.eshop.platform.testing.WithKafka;
import dev.eshop.platform.testing.WithPostgres;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.util.stream.Stream;

/**
 * Who may call what (spec services.md §7.3, §0.8): every endpoint of the sales-report service × the five
 * callers. Every report, the list and both exports are ADMIN only, like the DLT replay; sales belong to
 * no customer, so customers A and B are refused everywhere, and no service has a scope for them.
 * <p>
 * An admin gets the report (200, here over an empty database; the exports are files whatever the
 * Accept header), or 404 for a topic this service does not consume.
 */
@SpringBootTest(classes = SalesReportApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
class SalesReportAuthorizationMatrixTest {

    private static final String PERIOD = "?from=2025-03-01&to=2025-03-31";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @TestFactory
    Stream<DynamicTest> whoMayCallWhat() {
        return AuthorizationMatrix.at(port).withTestTokens("orders.create", "products.read", "stock.reserve", "shipping.quote")
                //                                                                 anonymous    A    B  admin service
                .row("GET /v1/sales/summary" + PERIOD,                                   401, 403, 403,  200,    403)
                .row("GET /v1/sales/timeseries" + PERIOD + "&granularity=week",          401, 403, 403,  200,    403)
                .row("GET /v1/sales/by-category" + PERIOD,                               401, 403, 403,  200,    403)
                .row("GET /v1/sales/top-products" + PERIOD + "&by=units&limit=5",        401, 403, 403,  200,    403)
                .row("GET /v1/sales" + PERIOD,                                           401, 403, 403,  200,    403)
                .row("GET /v1/sales/csv-report" + PERIOD,                                401, 403, 403,  200,    403)
                .row("GET /v1/sales/xlsx-report" + PERIOD,                               401, 403, 403,  200,    403)
                .row("POST /v1/ops/dlt/not-a-topic-of-sales-report/replay",              401, 403, 403,  404,    403)
                .coveringEveryEndpointOf(context)
                .tests();
    }
}
