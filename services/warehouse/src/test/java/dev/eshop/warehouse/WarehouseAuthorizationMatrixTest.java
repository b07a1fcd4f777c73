package dev.eshop.warehouse;

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
 * Who may call what (spec services.md §6.5, §0.8): every endpoint of the warehouse service × the five
 * callers. Warehouses, stock, transfers, restocks and the ledger are ADMIN; plan, reserve and release
 * are SERVICE(stock.reserve) only (not even an admin); nearest and reading a reservation are
 * SERVICE(stock.reserve) or ADMIN; the DLT replay is ADMIN. Nothing here is owned by a customer, so
 * customers A and B are both refused everywhere.
 * <p>
 * A caller who is let through gets a status that changes nothing: an empty body (400 validation),
 * an unknown id (404), a list (200).
 */
@SpringBootTest(classes = WarehouseApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
class WarehouseAuthorizationMatrixTest {

    private static final String UNKNOWN = "0197a000-0000-7000-8000-0000000000ff";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @TestFactory
    Stream<DynamicTest> whoMayCallWhat() {
        return AuthorizationMatrix.at(port).withTestTokens("stock.reserve")
                //                                                                   anonymous    A    B  admin service
                .row("GET /v1/warehouses",                                                 401, 403, 403,  200,    403)
                .row("GET /v1/warehouses/" + UNKNOWN,                                      401, 403, 403,  404,    403)
                .row("POST /v1/warehouses", "{}",                                          401, 403, 403,  400,    403)
                .row("PUT /v1/warehouses/" + UNKNOWN, "{}",                                401, 403, 403,  400,    403)
                .row("POST /v1/warehouses/" + UNKNOWN + "/make-main",                      401, 403, 403,  404,    403)
                .row("DELETE /v1/warehouses/" + UNKNOWN,                                   401, 403, 403,  404,    403)
                .row("GET /v1/warehouses/nearest?zip_code=12345&product_id=" + UNKNOWN,    401, 403, 403,  404,    404)
                .row("GET /v1/stock",                                                      401, 403, 403,  200,    403)
                .row("GET /v1/stock/products",                                             401, 403, 403,  200,    403)
                .row("GET /v1/stock/products/" + UNKNOWN,                                  401, 403, 403,  404,    403)
                .row("POST /v1/stock/transfers", "{}",                                     401, 403, 403,  400,    403)
                .row("POST /v1/stock/restocks", "{}",                                      401, 403, 403,  400,    403)
                .row("GET /v1/stock-movements",                                            401, 403, 403,  200,    403)
                .row("POST /v1/stock/plan", "{}",                                          401, 403, 403,  403,    400)
                .row("POST /v1/reservations", "{}",                                        401, 403, 403,  403,    400)
                .row("POST /v1/reservations/" + UNKNOWN + "/release", "{}",                401, 403, 403,  403,    400)
                .row("GET /v1/reservations/" + UNKNOWN,                                    401, 403, 403,  404,    404)
                .row("POST /v1/ops/dlt/not-a-topic-of-warehouse/replay",                   401, 403, 403,  404,    403)
                .coveringEveryEndpointOf(context)
                .tests();
    }
}
