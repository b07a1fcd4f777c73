package dev.eshop.platform.web;

import dev.eshop.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/** 400 problems: {@code validation} with {@code errors}, and {@code malformed-request}. */
class BadRequestProblemsTest extends WebTestSupport {

    private static final String VALID_ORDER = """
            {"customer_name": "Ada", "address": {"street": "1 Main St", "zip_code": "01234"},
             "lines": [{"product_id": "01936b2a-0000-7000-8000-00000000000a", "quantity": 2, "unit_price": 35000},
                       {"product_id": "01936b2a-0000-7000-8000-00000000000b", "quantity": 1, "unit_price": 0.5}],
             "kind": "CAR"}""";

    @Test
    void validOrderIsAcceptedWithMoneyAtScaleTwo() {
        client.post().uri("/v1/test/orders").header("Authorization", bearer(TestTokens.admin()))
                .contentType(MediaType.APPLICATION_JSON).body(VALID_ORDER)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("\"customer_name\":\"Ada\"", "\"total\":70000.50", "\"created_at\":\"2025-01-09T08:01:46Z\"")
                        .contains("\"product_id\":\"01936b2a-0000-7000-8000-00000000000a\""));
    }

    @Test
    void invalidNestedAndListFieldsAreNamedByTheirSnakeCaseJsonPath() {
        String body = """
                {"customer_name": "   ", "address": {"street": "1 Main St", "zip_code": "1234"},
                 "lines": [{"product_id": "01936b2a-0000-7000-8000-00000000000a", "quantity": 1, "unit_price": 10},
                           {"product_id": "01936b2a-0000-7000-8000-00000000000a", "quantity": 0, "unit_price": 19.999}],
                 "kind": "CAR"}""";
        BodyContentSpec problem = assertProblem(post("/v1/test/orders", body), 400, "validation", "Invalid request", "/v1/test/orders")
                .jsonPath("$.errors.length()").isEqualTo(4)
                .jsonPath("$.errors[0].field").isEqualTo("address.zip_code")
                .jsonPath("$.errors[0].message").isEqualTo("must be exactly 5 digits")
                .jsonPath("$.errors[1].field").isEqualTo("customer_name")
                .jsonPath("$.errors[1].message").isEqualTo("must not be blank")
                .jsonPath("$.errors[2].field").isEqualTo("lines[1].quantity")
                .jsonPath("$.errors[2].message").isEqualTo("must be greater than or equal to 1")
                .jsonPath("$.errors[3].field").isEqualTo("lines[1].unit_price")
                .jsonPath("$.errors[3].message").isEqualTo("must be an amount with at most 2 decimals");
        assertDetail(problem, "4 fields are invalid", "address.zip_code", "lines[1].unit_price");
    }

    @Test
    void amountWithThreeDecimalsIsRejected() {
        String body = VALID_ORDER.replace("\"unit_price\": 0.5", "\"unit_price\": 0.505");
        BodyContentSpec problem = assertProblem(post("/v1/test/orders", body), 400, "validation", "Invalid request", "/v1/test/orders")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("lines[1].unit_price");
        assertDetail(problem, "The field 'lines[1].unit_price' must be an amount with at most 2 decimals");
    }

    @Test
    void invalidElementsOfAListBodyAreNamedByIndex() {
        String body = """
                [{"product_id": "01936b2a-0000-7000-8000-00000000000a", "quantity": 1, "unit_price": 10},
                 {"product_id": null, "quantity": 1, "unit_price": 10}]""";
        BodyContentSpec problem = assertProblem(post("/v1/test/lines", body), 400, "validation", "Invalid request", "/v1/test/lines")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("[1].product_id")
                .jsonPath("$.errors[0].message").isEqualTo("must not be null");
        assertDetail(problem, "[1].product_id");
    }

    @Test
    void invalidQueryParametersAreNamedAsSent() {
        BodyContentSpec problem = assertProblem(get("/v1/test/search?q=&min_quantity=0"), 400, "validation",
                "Invalid request", "/v1/test/search")
                .jsonPath("$.errors[0].field").isEqualTo("min_quantity")
                .jsonPath("$.errors[0].message").isEqualTo("must be greater than or equal to 1")
                .jsonPath("$.errors[1].field").isEqualTo("q")
                .jsonPath("$.errors[1].message").isEqualTo("must not be blank");
        assertDetail(problem, "min_quantity", "q");
    }

    @Test
    void methodValidationOfAValidatedServiceIsAValidationProblem() {
        BodyContentSpec problem = assertProblem(post("/v1/test/quotes", "{\"street\": \"\", \"zip_code\": \"12345\"}"), 400,
                "validation", "Invalid request", "/v1/test/quotes")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("street")
                .jsonPath("$.errors[0].message").isEqualTo("must not be blank");
        assertDetail(problem, "street");
    }

    @Test
    void unreadableJsonIsMalformed() {
        assertDetail(assertProblem(post("/v1/test/orders", "{\"customer_name\": "), 400, "malformed-request",
                "Malformed request", "/v1/test/orders"), "not valid JSON");
    }

    @Test
    void missingBodyIsMalformed() {
        assertDetail(assertProblem(post("/v1/test/orders", ""), 400, "malformed-request", "Malformed request",
                "/v1/test/orders"), "body is missing");
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        String body = VALID_ORDER.replace("\"quantity\": 1", "\"quantity\": \"one\"");
        assertDetail(assertProblem(post("/v1/test/orders", body), 400, "malformed-request", "Malformed request",
                "/v1/test/orders"), "'lines[1].quantity'", "whole number");
    }

    @Test
    void numberWhereAStringBelongsIsMalformed() {
        String body = VALID_ORDER.replace("\"customer_name\": \"Ada\"", "\"customer_name\": 1234");
        assertDetail(assertProblem(post("/v1/test/orders", body), 400, "malformed-request", "Malformed request",
                "/v1/test/orders"), "'customer_name'", "a string");
    }

    @Test
    void zipCodeSentAsANumberIsAFieldErrorLikeAnyBadZipCode() {
        String body = VALID_ORDER.replace("\"zip_code\": \"01234\"", "\"zip_code\": 12345");
        assertProblem(post("/v1/test/orders", body), 400, "validation", "Invalid request", "/v1/test/orders")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("address.zip_code")
                .jsonPath("$.errors[0].message").isEqualTo("must be exactly 5 digits");
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheAllowedValues() {
        String body = VALID_ORDER.replace("\"kind\": \"CAR\"", "\"kind\": \"TRUCK\"");
        assertDetail(assertProblem(post("/v1/test/orders", body), 400, "malformed-request", "Malformed request",
                "/v1/test/orders"), "'kind'", "CAR, MOTORCYCLE", "TRUCK");
    }

    @Test
    void unknownFieldsAreIgnoredAndStringsTrimmed() {
        String body = VALID_ORDER.replace("\"customer_name\": \"Ada\"", "\"customer_name\": \"  Ada \", \"role\": \"ADMIN\"");
        client.post().uri("/v1/test/orders").header("Authorization", bearer(TestTokens.admin()))
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.customer_name").isEqualTo("Ada");
    }

    @Test
    void badUuidInThePathNamesTheParameter() {
        assertDetail(assertProblem(get("/v1/test/orders/not-a-uuid"), 400, "malformed-request", "Malformed request",
                "/v1/test/orders/not-a-uuid"), "path variable 'id'", "UUID", "not-a-uuid");
    }

    @Test
    void badNumberInTheQueryNamesTheParameter() {
        assertDetail(assertProblem(get("/v1/test/search?q=car&min_quantity=many"), 400, "malformed-request", "Malformed request",
                "/v1/test/search"), "query parameter 'min_quantity'", "whole number", "many");
    }

    @Test
    void missingRequiredHeaderIsMalformed() {
        assertDetail(assertProblem(post("/v1/test/idempotent", "{}"), 400, "malformed-request", "Malformed request",
                "/v1/test/idempotent"), "header 'Idempotency-Key' is required");
    }

    @Test
    void missingRequiredQueryParameterIsMalformed() {
        assertDetail(assertProblem(get("/v1/test/lookup"), 400, "malformed-request", "Malformed request",
                "/v1/test/lookup"), "query parameter 'sku' is required");
    }

    private ResponseSpec post(String path, String json) {
        return client.post().uri(path).header("Authorization", bearer(TestTokens.admin()))
                .contentType(MediaType.APPLICATION_JSON).body(json).exchange();
    }

    private ResponseSpec get(String path) {
        return client.get().uri(path).header("Authorization", bearer(TestTokens.admin())).exchange();
    }
}
