package dev.eshop.shippingcost.lambda;

import dev.eshop.shippingcost.ShippingCostApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lambda handler, {@code FunctionInvoker}, run locally as AWS runs it: it starts the application
 * without a web server and is handed the raw event bytes. The tariff is not the default one and comes
 * from outside the jar (system properties here, environment variables on Lambda), so the test also shows
 * the settings reach the function.
 */
class LambdaHandlerTest {

    private static final Map<String, String> SETTINGS = Map.of(
            "MAIN_CLASS", ShippingCostApplication.class.getName(),
            "eshop.shipping.base-fee", "50.00",
            "eshop.shipping.per-zip-unit", "0.10",
            "eshop.shipping.max-vehicles", "10");

    private static final JsonMapper json = JsonMapper.builder().build();

    private static FunctionInvoker handler;

    @BeforeAll
    static void startHandler() {
        SETTINGS.forEach(System::setProperty);
        try {
            handler = new FunctionInvoker();
        }
        finally {
            // Read once at start-up; cleared so no other test's context sees them.
            SETTINGS.keySet().forEach(System::clearProperty);
        }
    }

    private static JsonNode invoke(String event) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), response, null);
        return json.readTree(response.toByteArray());
    }

    /** An API Gateway (REST API) proxy event for {@code POST /shipping-cost}, as its authorizer passes it on. */
    private static String apiGatewayEvent(String body) {
        Map<String, Object> event = Map.of(
                "resource", "/shipping-cost",
                "path", "/shipping-cost",
                "httpMethod", "POST",
                "headers", Map.of("Content-Type", "application/json", "Authorization", "Bearer checked-by-the-authorizer"),
                "requestContext", Map.of("requestId", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef", "stage", "prod",
                        "authorizer", Map.of("claims", Map.of("scope", "shipping.quote"))),
                "body", body,
                "isBase64Encoded", false);
        return json.writeValueAsString(event);
    }

    @Test
    void apiGatewayEventGetsA200ProxyResponseWithTheQuote() throws IOException {
        JsonNode response = invoke(apiGatewayEvent("""
                {"from_zip": "10250", "to_zip": "10000", "vehicles": 2}"""));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        // (50.00 + 0.10 × 250) × 2
        assertThat(response.path("body").stringValue()).isEqualTo("{\"shipping_cost\":150.00,\"distance\":250,\"vehicles\":2}");
    }

    @Test
    void aBadZipCodeInAnApiGatewayEventIsA400Problem() throws IOException {
        JsonNode response = invoke(apiGatewayEvent("""
                {"from_zip": "1025", "to_zip": "10000", "vehicles": 1}"""));

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        assertThat(response.path("headers").path("Content-Type").stringValue()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(response.path("body").stringValue());
        assertThat(problem.path("type").stringValue()).isEqualTo("https://eshop.example/problems/validation");
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("errors")).hasSize(1);
        assertThat(problem.path("errors").get(0).path("field").stringValue()).isEqualTo("from_zip");
        assertThat(problem.path("errors").get(0).path("message").stringValue()).isEqualTo("must be exactly 5 digits");
    }

    @Test
    void aZipCodeSentAsANumberIsTheSameFieldErrorAsOverHttp() throws IOException {
        JsonNode response = invoke(apiGatewayEvent("""
                {"from_zip": "10250", "to_zip": 10000, "vehicles": 1}"""));

        assertThat(response.path("statusCode").asInt()).isEqualTo(400);
        JsonNode problem = json.readTree(response.path("body").stringValue());
        assertThat(problem.path("errors").get(0).path("field").stringValue()).isEqualTo("to_zip");
        assertThat(problem.path("errors").get(0).path("message").stringValue()).isEqualTo("must be exactly 5 digits");
    }

    @Test
    void vehiclesAboveTheConfiguredMaximumAndBrokenJsonAre400() throws IOException {
        JsonNode tooMany = invoke(apiGatewayEvent("""
                {"from_zip": "10250", "to_zip": "10000", "vehicles": 11}"""));
        assertThat(tooMany.path("statusCode").asInt()).isEqualTo(400);
        assertThat(json.readTree(tooMany.path("body").stringValue()).path("errors").get(0).path("message").stringValue())
                .isEqualTo("must be between 1 and 10");

        JsonNode broken = invoke(apiGatewayEvent("{\"from_zip\": "));
        assertThat(broken.path("statusCode").asInt()).isEqualTo(400);
        assertThat(json.readTree(broken.path("body").stringValue()).path("type").stringValue())
                .isEqualTo("https://eshop.example/problems/malformed-request");
    }

    @Test
    void aDirectInvocationGetsThePlainQuote() throws IOException {
        JsonNode quote = invoke("""
                {"from_zip": "00501", "to_zip": "00500", "vehicles": 1}""");

        assertThat(quote.path("shipping_cost").decimalValue()).isEqualByComparingTo("50.10");
        assertThat(quote.path("distance").asInt()).isEqualTo(1);
    }
}
