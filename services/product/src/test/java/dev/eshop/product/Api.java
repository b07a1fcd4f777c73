package dev.eshop.product;

import dev.eshop.platform.testing.TestHttp;
import dev.eshop.platform.testing.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;
import java.util.UUID;

/** The product API over real HTTP, as the web apps and other services call it. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    public final RestTestClient client;

    public Api(int port) {
        this.client = TestHttp.client(port);
    }

    public static String admin() {
        return "Bearer " + TestTokens.admin();
    }

    public static String customer() {
        return "Bearer " + TestTokens.customer(UUID.randomUUID());
    }

    public JsonNode get(String uri) {
        return json(client.get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    public JsonNode getAsAdmin(String uri) {
        return json(client.get().uri(uri).header(HttpHeaders.AUTHORIZATION, admin()).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    public JsonNode post(String uri, Object body, int status) {
        return json(client.post().uri(uri).header(HttpHeaders.AUTHORIZATION, admin()).contentType(MediaType.APPLICATION_JSON)
                .body(body instanceof String s ? s : JSON.writeValueAsString(body)).exchange().expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult().getResponseBody());
    }

    public JsonNode put(String uri, Object body, int status) {
        return json(client.put().uri(uri).header(HttpHeaders.AUTHORIZATION, admin()).contentType(MediaType.APPLICATION_JSON)
                .body(body instanceof String s ? s : JSON.writeValueAsString(body)).exchange().expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult().getResponseBody());
    }

    public void delete(String uri, int status) {
        client.delete().uri(uri).header(HttpHeaders.AUTHORIZATION, admin()).exchange().expectStatus().isEqualTo(status);
    }

    public UUID category(String name, UUID parentId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        body.put("parent_id", parentId);
        return UUID.fromString(post("/v1/categories", body, 201).get("id").asString());
    }

    public JsonNode product(String name, UUID categoryId, String price, Map<String, Object> attributes, String description) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        body.put("description", description);
        body.put("price", new java.math.BigDecimal(price));
        body.put("category_id", categoryId);
        body.put("attributes", attributes);
        body.put("initial_quantity", 3);
        return post("/v1/products", body, 201);
    }

    public static JsonNode json(String text) {
        return text == null || text.isEmpty() ? null : JSON.readTree(text);
    }
}
