package dev.eshop.shippingcost.quote;

import dev.eshop.platform.testing.TestHttp;
import dev.eshop.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /shipping-cost} over real HTTP, with the application's own configuration. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShippingCostHttpTest {

    private static final String PROBLEMS = "https://eshop.example/problems/";

    private static final String ORDER_SERVICE = TestTokens.service("shipping.quote");

    @LocalServerPort
    int port;

    RestTestClient client;

    @BeforeEach
    void createClient() {
        client = TestHttp.client(port);
    }

    private ResponseSpec quote(String token, String body) {
        RestTestClient.RequestBodySpec request = client.post().uri("/shipping-cost").contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.body(body).exchange();
    }

    private static BodyContentSpec assertProblem(ResponseSpec response, int status, String slug) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + slug)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.instance").isEqualTo("/shipping-cost");
    }

    @Test
    void quotesAShipmentWithMoneyAsANumberWithTwoDecimals() {
        quote(ORDER_SERVICE, """
                {"from_zip": "10250", "to_zip": "90210", "vehicles": 1}""")
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).isEqualTo("{\"shipping_cost\":1699.20,\"distance\":79960,\"vehicles\":1}");
    }

    @Test
    void withoutATokenIs401() {
        assertProblem(quote(null, """
                {"from_zip": "10250", "to_zip": "10000", "vehicles": 1}"""), 401, "unauthenticated");
    }

    @Test
    void aCustomerTokenIs403() {
        assertProblem(quote(TestTokens.customer(UUID.randomUUID()), """
                {"from_zip": "10250", "to_zip": "10000", "vehicles": 1}"""), 403, "forbidden");
    }

    @Test
    void aServiceTokenWithAnotherScopeIs403() {
        assertProblem(quote(TestTokens.service("stock.reserve"), """
                {"from_zip": "10250", "to_zip": "10000", "vehicles": 1}"""), 403, "forbidden");
    }

    @ParameterizedTest(name = "from_zip {0}")
    @ValueSource(strings = {"\"1025A\"", "\"1025\"", "\"102500\"", "10250", "\"   \"", "null", "MISSING"})
    void aBadZipCodeIs400NamingTheField(String fromZip) {
        String body = fromZip.equals("MISSING") ? "{\"to_zip\": \"10000\", \"vehicles\": 1}"
                : "{\"from_zip\": " + fromZip + ", \"to_zip\": \"10000\", \"vehicles\": 1}";
        assertProblem(quote(ORDER_SERVICE, body), 400, "validation")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("from_zip")
                .jsonPath("$.errors[0].message").isEqualTo("must be exactly 5 digits")
                .jsonPath("$.detail").isEqualTo("The field 'from_zip' must be exactly 5 digits.");
    }

    @Test
    void bothZipCodesAreCheckedByTheirOwnName() {
        assertProblem(quote(ORDER_SERVICE, """
                {"from_zip": "10250", "to_zip": "ABCDE", "vehicles": 1}"""), 400, "validation")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("to_zip");
    }

    @ParameterizedTest(name = "vehicles {0}")
    @ValueSource(ints = {0, 1001, -1})
    void vehiclesOutsideOneToTheMaximumIs400(int vehicles) {
        assertProblem(quote(ORDER_SERVICE, """
                {"from_zip": "10250", "to_zip": "10000", "vehicles": %d}""".formatted(vehicles)), 400, "validation")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("vehicles")
                .jsonPath("$.errors[0].message").isEqualTo("must be between 1 and 1000");
    }

    @Test
    void malformedJsonIs400MalformedRequest() {
        assertProblem(quote(ORDER_SERVICE, "{\"from_zip\": \"10250\", "), 400, "malformed-request")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("not valid JSON"));
    }

    @Test
    void theEndpointIsInTheOpenApiDocument() {
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/shipping-cost'].post").exists()
                .jsonPath("$.components.schemas.ShippingQuoteRequest.properties.from_zip").exists()
                .jsonPath("$.components.schemas.ShippingQuote.properties.shipping_cost").exists();
    }
}
