package dev.eshop.platform.web;

import dev.eshop.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient.BodyContentSpec;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The problem types after 400, each with its extra members and headers. */
@ExtendWith(OutputCaptureExtension.class)
class ProblemsTest extends WebTestSupport {

    private static final String UNKNOWN_ORDER = "01936b2a-0000-7000-8000-0000000000ff";

    @Test
    void unknownIdIsNotFound() {
        assertDetail(assertProblem(get("/v1/test/orders/" + UNKNOWN_ORDER), 404, "not-found", "Not found",
                "/v1/test/orders/" + UNKNOWN_ORDER), "No order with id " + UNKNOWN_ORDER);
    }

    @Test
    void unknownPathIsNotFound() {
        assertDetail(assertProblem(get("/v1/no-such-thing"), 404, "not-found", "Not found", "/v1/no-such-thing"),
                "GET /v1/no-such-thing");
    }

    @Test
    void theErrorPathItselfIsNotFound() {
        assertProblem(get("/error"), 404, "not-found", "Not found", "/error");
    }

    @Test
    void statusSetOutsideSpringMvcStillComesOutAsAProblem() {
        assertDetail(assertProblem(get("/v1/test/too-many"), 429, "too-many-requests", "Too Many Requests",
                "/v1/test/too-many"), "429");
    }

    @Test
    void urlRejectedByTheSecurityFirewallIsMalformed() {
        ResponseSpec response = client.get().uri(URI.create("http://127.0.0.1:" + port + "/v1/test/public/ping;x=1")).exchange();
        assertDetail(assertProblem(response, 400, "malformed-request", "Malformed request", "/v1/test/public/ping;x=1"), "URL");
    }

    @Test
    void problemsAreJsonWhateverTheClientAccepts() {
        client.get().uri("/v1/test/orders/" + UNKNOWN_ORDER).header("Authorization", bearer(TestTokens.admin()))
                .accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void methodNotAllowedListsTheAllowedMethods() {
        ResponseSpec response = client.delete().uri("/v1/test/orders/" + UNKNOWN_ORDER)
                .header("Authorization", bearer(TestTokens.admin())).exchange();
        response.expectHeader().value("Allow", allow -> assertThat(allow.split(",\\s*")).containsExactlyInAnyOrder("GET", "PUT"));
        assertDetail(assertProblem(response, 405, "method-not-allowed", "Method not allowed", "/v1/test/orders/" + UNKNOWN_ORDER),
                "DELETE is not allowed", "GET");
    }

    @Test
    void invalidStateCarriesTheCurrentStatus() {
        BodyContentSpec problem = assertProblem(post("/v1/test/orders/" + UNKNOWN_ORDER + "/cancel", "{}"), 409, "invalid-state",
                "Invalid state", "/v1/test/orders/" + UNKNOWN_ORDER + "/cancel")
                .jsonPath("$.current_status").isEqualTo("SHIPPED");
        assertDetail(problem, "shipped cannot be cancelled");
    }

    @Test
    void invalidStateOfAResourceWithoutStatusHasANullCurrentStatus() {
        assertProblem(client.delete().uri("/v1/test/categories/" + UNKNOWN_ORDER).header("Authorization", bearer(TestTokens.admin()))
                .exchange(), 409, "invalid-state", "Invalid state", "/v1/test/categories/" + UNKNOWN_ORDER)
                .jsonPath("$.current_status").hasJsonPath()
                .consumeWith(result -> assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8))
                        .contains("\"current_status\":null"));
    }

    @Test
    void duplicateNamesTheField() {
        BodyContentSpec problem = assertProblem(post("/v1/test/warehouses", "{\"name\": \"North\"}"), 409, "duplicate",
                "Duplicate", "/v1/test/warehouses")
                .jsonPath("$.field").isEqualTo("name");
        assertDetail(problem, "'North' already exists");
    }

    @Test
    void staleVersionCarriesTheCurrentVersion() {
        ResponseSpec response = client.put().uri("/v1/test/orders/" + UNKNOWN_ORDER)
                .header("Authorization", bearer(TestTokens.admin()))
                .contentType(MediaType.APPLICATION_JSON).body("{\"version\": 3}").exchange();
        BodyContentSpec problem = assertProblem(response, 409, "concurrent-modification", "Concurrent modification",
                "/v1/test/orders/" + UNKNOWN_ORDER)
                .jsonPath("$.current_version").isEqualTo(4);
        assertDetail(problem, "current version is 4");
    }

    @Test
    void serviceSpecificConflictCarriesItsOwnMembersInSnakeCase() {
        BodyContentSpec problem = assertProblem(post("/v1/test/checkout", "{}"), 409, "insufficient-stock",
                "Insufficient stock", "/v1/test/checkout")
                .jsonPath("$.short_products[0].product_id").isEqualTo("01936b2a-0000-7000-8000-00000000000a")
                .jsonPath("$.short_products[0].name").isEqualTo("Vespa")
                .jsonPath("$.short_products[0].requested").isEqualTo(3)
                .jsonPath("$.short_products[0].available").isEqualTo(1);
        assertDetail(problem, "not enough stock");
    }

    @Test
    void ruleViolatedNamesTheRule() {
        BodyContentSpec problem = assertProblem(post("/v1/test/products/" + UNKNOWN_ORDER + "/images", "{}"), 422,
                "rule-violated", "Rule violated", "/v1/test/products/" + UNKNOWN_ORDER + "/images")
                .jsonPath("$.rule").isEqualTo("image-count");
        assertDetail(problem, "at most 10 images");
    }

    @Test
    void uploadAboveTheServletLimitIsPayloadTooLarge() {
        BodyContentSpec problem = assertProblem(upload(jpeg(1500)), 413, "payload-too-large", "Payload too large",
                "/v1/test/uploads")
                .jsonPath("$.max_bytes").isEqualTo(1024);
        assertDetail(problem, "limit of 1024 bytes");
    }

    @Test
    void uploadAboveTheApplicationLimitIsPayloadTooLarge() {
        BodyContentSpec problem = assertProblem(upload(jpeg(600)), 413, "payload-too-large", "Payload too large",
                "/v1/test/uploads")
                .jsonPath("$.max_bytes").isEqualTo(512);
        assertDetail(problem, "limit of 512 bytes");
    }

    @Test
    void uploadWithTheWrongContentIsUnsupportedMediaType() {
        byte[] notAnImage = new byte[100];
        Arrays.fill(notAnImage, (byte) 'x');
        BodyContentSpec problem = assertProblem(upload(notAnImage), 415, "unsupported-media-type", "Unsupported media type",
                "/v1/test/uploads")
                .jsonPath("$.accepted").isEqualTo(java.util.List.of("image/jpeg", "image/png", "image/webp"));
        assertDetail(problem, "not a JPEG, PNG or WebP");
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaType() {
        ResponseSpec response = client.post().uri("/v1/test/orders").header("Authorization", bearer(TestTokens.admin()))
                .contentType(MediaType.TEXT_PLAIN).body("hello").exchange();
        BodyContentSpec problem = assertProblem(response, 415, "unsupported-media-type", "Unsupported media type", "/v1/test/orders")
                .jsonPath("$.accepted").isEqualTo(java.util.List.of("application/json", "application/*+json"));
        assertDetail(problem, "'text/plain;charset=UTF-8' is not accepted", "application/json");
    }

    @Test
    void unavailableDependencyIsNamedWithRetryAfter() {
        ResponseSpec response = get("/v1/test/dependency");
        response.expectHeader().valueEquals("Retry-After", "5");
        BodyContentSpec problem = assertProblem(response, 503, "dependency-unavailable", "Dependency unavailable",
                "/v1/test/dependency")
                .jsonPath("$.dependency").isEqualTo("warehouse");
        assertDetail(problem, "warehouse service did not answer");
    }

    @Test
    void unexpectedErrorIsInternalWithoutDetailsAndIsLoggedWithItsTraceId(CapturedOutput output) {
        ResponseSpec response = client.get().uri("/v1/test/boom").header("Authorization", bearer(TestTokens.admin()))
                .header("traceparent", TRACEPARENT).exchange();
        assertProblem(response, 500, "internal", "Internal error", "/v1/test/boom")
                .jsonPath("$.trace_id").isEqualTo(TRACE_ID)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                        .doesNotContain("IllegalStateException", "a bug the client cannot fix", "at dev."));
        assertThat(output.getOut()).contains("Unexpected error on GET /v1/test/boom")
                .contains("java.lang.IllegalStateException: a bug the client cannot fix")
                .containsPattern("\\[" + TRACE_ID + ",[0-9a-f]{16}\\].*Unexpected error on GET /v1/test/boom");
    }

    private ResponseSpec get(String path) {
        return client.get().uri(path).header("Authorization", bearer(TestTokens.admin())).exchange();
    }

    private ResponseSpec post(String path, String json) {
        return client.post().uri(path).header("Authorization", bearer(TestTokens.admin()))
                .contentType(MediaType.APPLICATION_JSON).body(json).exchange();
    }

    private ResponseSpec upload(byte[] content) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "picture.jpg";
            }
        });
        return client.post().uri("/v1/test/uploads").header("Authorization", bearer(TestTokens.admin()))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(parts).exchange();
    }

    private static byte[] jpeg(int size) {
        byte[] bytes = new byte[size];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
    }
}
