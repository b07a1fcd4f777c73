package dev.eshop.product;

import dev.eshop.platform.testing.AuthorizationMatrix;
import dev.eshop.platform.testing.WithKafka;
import dev.eshop.platform.testing.WithPostgres;
import dev.eshop.platform.testing.WithS3;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Who may call what (spec services.md §2.4, §0.8): every endpoint of the product service × the five
 * callers. Reads are PUBLIC (the same answer for everyone, except that only an admin sees deleted
 * products); writes are ADMIN; lookup is SERVICE(products.read) — order's scope — or ADMIN; the DLT
 * replay is ADMIN. Nothing here is owned by a customer, so customers A and B get the same answers.
 * <p>
 * A caller who is let through gets a status that changes nothing: an empty body (400 validation),
 * an unknown id (404), JSON to the multipart upload (415), a list (200). Republish (202) only
 * queues events for the one product this class creates, which no other row reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
@WithS3
class ProductAuthorizationMatrixTest {

    private static final String UNKNOWN = "0197a000-0000-7000-8000-0000000000ff";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @TestFactory
    Stream<DynamicTest> whoMayCallWhat() {
        String deleted = deletedProduct();
        return AuthorizationMatrix.at(port).withTestTokens("products.read")
                //                                                                   anonymous    A    B  admin service
                .row("GET /v1/products",                                                   200, 200, 200,  200,    200)
                .row("GET /v1/products?include_deleted=true",                              401, 403, 403,  200,    403)
                .row("GET /v1/products/facets",                                            200, 200, 200,  200,    200)
                .row("GET /v1/products/" + UNKNOWN,                                        404, 404, 404,  404,    404)
                .row("GET /v1/products/" + deleted,                                        404, 404, 404,  200,    404)
                .row("POST /v1/products", "{}",                                            401, 403, 403,  400,    403)
                .row("PUT /v1/products/" + UNKNOWN, "{}",                                  401, 403, 403,  400,    403)
                .row("DELETE /v1/products/" + UNKNOWN,                                     401, 403, 403,  404,    403)
                .row("POST /v1/products/" + UNKNOWN + "/images", "{}",                     401, 403, 403,  415,    403)
                .row("PATCH /v1/products/" + UNKNOWN + "/images/" + UNKNOWN, "{}",         401, 403, 403,  404,    403)
                .row("DELETE /v1/products/" + UNKNOWN + "/images/" + UNKNOWN,              401, 403, 403,  404,    403)
                .row("GET /v1/images/" + UNKNOWN + ".jpg",                                 404, 404, 404,  404,    404)
                .row("GET /v1/categories",                                                 200, 200, 200,  200,    200)
                .row("GET /v1/categories/no-such-category",                                404, 404, 404,  404,    404)
                .row("POST /v1/categories", "{}",                                          401, 403, 403,  400,    403)
                .row("PUT /v1/categories/" + UNKNOWN, "{}",                                401, 403, 403,  400,    403)
                .row("DELETE /v1/categories/" + UNKNOWN,                                   401, 403, 403,  404,    403)
                .row("POST /v1/products/lookup", "{}",                                     401, 403, 403,  400,    400)
                .row("POST /v1/products/republish",                                        401, 403, 403,  202,    403)
                .row("POST /v1/ops/dlt/not-a-topic-of-product/replay",                     401, 403, 403,  404,    403)
                .coveringEveryEndpointOf(context)
                .tests();
    }

    /** A soft-deleted product: 404 to everyone but an admin. */
    private String deletedProduct() {
        Api api = new Api(port);
        UUID top = api.category("Matrix", null);
        UUID child = api.category("Matrix child", top);
        String id = api.product("Matrix Sedan", child, "1000.00", Map.of("brand", "Matrix"), "").get("id").asString();
        api.delete("/v1/products/" + id, 204);
        return id;
    }
}
