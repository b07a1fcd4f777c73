package dev.eshop.platform.webapp.client;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the services' problem documents (services.md §0.3). */
class ServiceProblemTest {

    private final JsonMapper json = new ServiceClients(null, null, null).json();

    private ServiceProblem read(int status, String body) {
        return ServiceProblem.read("cart", status, body.getBytes(StandardCharsets.UTF_8), json);
    }

    record Quote(BigDecimal total) {
    }

    @Test
    void readsDetailFieldErrorsTraceIdAndTheSlugOfTheType() {
        ServiceProblem problem = read(400, """
                {"type":"https://eshop.example/problems/validation","title":"Invalid request","status":400,
                 "detail":"The request has invalid fields.","instance":"/v1/carts/checkout","trace_id":"4bf92f3577b34da6",
                 "errors":[{"field":"address.zip_code","message":"must be exactly 5 digits"},{"field":null,"message":"give a quantity"}]}""");

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.slug()).isEqualTo("validation");
        assertThat(problem.is("validation")).isTrue();
        assertThat(problem.detail()).isEqualTo("The request has invalid fields.");
        assertThat(problem.traceId()).isEqualTo("4bf92f3577b34da6");
        assertThat(problem.errors()).containsExactly(new ServiceProblem.FieldError("address.zip_code", "must be exactly 5 digits"),
                new ServiceProblem.FieldError(null, "give a quantity"));
        assertThat(problem.unavailable()).isFalse();
        assertThat(problem.service()).isEqualTo("cart");
    }

    @Test
    void readsTheMembersATypeAdds() {
        ServiceProblem problem = read(409, """
                {"type":"https://eshop.example/problems/quote-changed","status":409,"detail":"Prices changed.",
                 "quote":{"total":69605.00},"short_products":[{"name":"Honda CB650R","requested":3,"available":2}]}""");

        assertThat(problem.member("quote", Quote.class)).hasValue(new Quote(new BigDecimal("69605.00")));
        assertThat(problem.member("quote", Quote.class).orElseThrow().total().scale()).isEqualTo(2);
        assertThat(problem.member("missing", Quote.class)).isEmpty();
        assertThat(problem.member("short_products", Object[].class).orElseThrow()).hasSize(1);
    }

    @Test
    void aServicesOwnFailureIsNotRespondingAndItsDetailIsNotShown() {
        ServiceProblem problem = read(500, """
                {"type":"https://eshop.example/problems/internal","status":500,"detail":"NullPointerException","trace_id":"abc"}""");

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.unavailable()).isTrue();
        assertThat(problem.detail()).isEqualTo("This part of the shop is not responding. Please try again in a moment.");
        assertThat(problem.traceId()).isEqualTo("abc");
    }

    @Test
    void aBodyThatIsNoProblemStillGivesTheStatusAndAReadableDetail() {
        for (String body : List.of("", "<html>Bad gateway</html>", "[1,2]", "{\"detail\":\"  \"}")) {
            ServiceProblem problem = read(409, body);
            assertThat(problem.status()).isEqualTo(409);
            assertThat(problem.slug()).isEmpty();
            assertThat(problem.detail()).isEqualTo("The request could not be completed.");
            assertThat(problem.errors()).isEmpty();
            assertThat(problem.traceId()).isNull();
        }
    }

    @Test
    void noAnswerIsNotResponding() {
        ServiceProblem problem = ServiceProblem.notResponding("order", new HttpTimeoutException("timed out"));

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.unavailable()).isTrue();
        assertThat(problem.detail()).isEqualTo("This part of the shop is not responding. Please try again in a moment.");
        assertThat(problem.service()).isEqualTo("order");
    }
}
