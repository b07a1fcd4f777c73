package dev.eshop.platform.web;

import dev.eshop.platform.testing.TestTokens;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Probes, metrics, the OpenAPI document and trace propagation, as every service has them. */
class OperationsTest extends WebTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    void probesArePublic() {
        client.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void prometheusMetricsArePublic() {
        client.get().uri("/v1/test/public/ping").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .contains("jvm_memory_used_bytes", "http_server_requests_seconds_count"));
    }

    @Test
    void onlyHealthPrometheusAndInfoAreExposed() {
        client.get().uri("/actuator/info").exchange().expectStatus().isOk();
        client.get().uri("/actuator/env").header("Authorization", bearer(TestTokens.admin())).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void noSpanExporterIsConfigured() {
        assertThat(context.getBeanNamesForType(SpanExporter.class)).isEmpty();
        assertThat(context.getBeanNamesForType(Tracer.class)).hasSize(1);
    }

    @Test
    void apiDocsArePublicInSnakeCaseWithBearerSecurityAndPagingParameters() {
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("platform-web-test")
                .jsonPath("$.components.securitySchemes.bearer-jwt.type").isEqualTo("http")
                .jsonPath("$.components.securitySchemes.bearer-jwt.scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.bearer-jwt.bearerFormat").isEqualTo("JWT")
                .jsonPath("$.security[0].bearer-jwt").exists()
                .jsonPath("$.components.schemas.CreateOrder.properties.customer_name").exists()
                .jsonPath("$.components.schemas.CreateOrder.properties.customerName").doesNotExist()
                .jsonPath("$.components.schemas.Address.properties.zip_code").exists()
                .jsonPath("$.paths['/error']").doesNotExist()
                .jsonPath("$.paths['/v1/test/products'].get.parameters[?(@.name == 'query')]").isEmpty()
                .jsonPath("$.paths['/v1/test/products'].get.parameters[*].name").value(java.util.List.class,
                        names -> assertThat(names).containsExactly("page", "size", "sort"))
                .jsonPath("$.paths['/v1/test/products'].get.parameters[2].schema.enum").value(java.util.List.class,
                        orders -> assertThat(orders).contains("name,asc", "price,desc"));
    }

    @Test
    void swaggerUiIsPublic() {
        client.get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        client.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value("Location", location -> assertThat(location).contains("/swagger-ui/index.html"));
    }

    @Test
    void problemCarriesTheTraceIdOfTheIncomingTraceparent() {
        UUID unknown = UUID.randomUUID();
        assertProblem(client.get().uri("/v1/test/orders/" + unknown).header("Authorization", bearer(TestTokens.admin()))
                .header("traceparent", TRACEPARENT).exchange(), 404, "not-found", "Not found", "/v1/test/orders/" + unknown)
                .jsonPath("$.trace_id").isEqualTo(TRACE_ID);
    }

    @Test
    void problemWrittenBySecurityCarriesTheTraceIdToo() {
        assertProblem(client.get().uri("/v1/test/cart").header("traceparent", TRACEPARENT).exchange(), 401,
                "unauthenticated", "Unauthenticated", "/v1/test/cart")
                .jsonPath("$.trace_id").isEqualTo(TRACE_ID);
    }

    @Test
    void outgoingCallsWithTheBootRestClientBuilderPropagateTheTrace() {
        client.get().uri("/v1/test/public/outgoing").header("traceparent", TRACEPARENT).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.received_traceparent").value(String.class, traceparent -> assertThat(traceparent)
                        .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
                        .isNotEqualTo(TRACEPARENT));
    }
}
