package dev.eshop.product;

import dev.eshop.platform.events.EventJson;
import dev.eshop.platform.events.product.ProductUpdated;
import dev.eshop.platform.testing.KafkaTestClient;
import dev.eshop.platform.testing.TestTokens;
import dev.eshop.platform.testing.WithKafka;
import dev.eshop.platform.testing.WithPostgres;
import dev.eshop.platform.testing.WithS3;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The service as its callers see it: displayed stock from events, images in S3, who may do what, and bad input. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
@WithS3
class ProductApiTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String PROBLEMS = "https://eshop.example/problems/";
    static final byte[] WEBP = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    Api api;
    KafkaTestClient kafka;
    UUID cars;
    UUID suv;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        kafka = KafkaTestClient.of(environment);
        JsonNode tree = api.get("/v1/categories");
        if (tree.isEmpty()) {
            cars = api.category("Cars", null);
            suv = api.category("SUV", cars);
        }
        else {
            cars = UUID.fromString(tree.get(0).get("id").asString());
            suv = UUID.fromString(tree.get(0).get("children").get(0).get("id").asString());
        }
    }

    String newProduct(String name) {
        return api.product(name, suv, "30000.00", Map.of("brand", "Kia", "year", 2022), "SUV").get("id").asString();
    }

    // --- displayed stock ---------------------------------------------------------------------------

    @Test
    void quantityUpdatedSetsTheStockBumpsTheVersionAndPublishesProductUpdated() {
        String id = newProduct("Kia Sportage");

        publishQuantity(id, 6, 3);

        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("/v1/products/" + id).get("stock").asInt()).isEqualTo(6));
        JsonNode product = api.get("/v1/products/" + id);
        assertThat(product.get("version").asLong()).isEqualTo(2);
        assertThat(product.get("in_stock").asBoolean()).isTrue();
        ProductUpdated event = EventJson.read(kafka.lastWithKey("product-updated", id, WAIT).value(), ProductUpdated.class);
        assertThat(event.stock()).isEqualTo(6);
        assertThat(event.version()).isEqualTo(2);
        assertThat(event.name()).isEqualTo("Kia Sportage");

        // an older stock_version is ignored
        publishQuantity(id, 1, 2);
        // a newer one with the same quantity stores the version but changes nothing visible
        publishQuantity(id, 6, 4);
        // the marker: a later change that does apply
        publishQuantity(id, 4, 5);
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("/v1/products/" + id).get("stock").asInt()).isEqualTo(4));
        assertThat(api.get("/v1/products/" + id).get("version").asLong()).isEqualTo(3);
    }

    @Test
    void aDuplicateQuantityEventChangesNothing() {
        String id = newProduct("Kia Niro");
        UUID eventId = UUID.randomUUID();
        String json = quantityJson(id, 2, 1);

        kafka.publish("product-quantity-updated", id, json, KafkaTestClient.cloudEventHeaders(eventId, "eshop.product.quantity-updated.v1", id));
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("/v1/products/" + id).get("stock").asInt()).isEqualTo(2));
        kafka.publish("product-quantity-updated", id, json, KafkaTestClient.cloudEventHeaders(eventId, "eshop.product.quantity-updated.v1", id));
        publishQuantity(id, 7, 2); // processed after the duplicate (same key, same partition)

        await().atMost(WAIT).untilAsserted(() -> assertThat(api.get("/v1/products/" + id).get("stock").asInt()).isEqualTo(7));
        assertThat(api.get("/v1/products/" + id).get("version").asLong()).isEqualTo(3);
    }

    private void publishQuantity(String id, int quantity, long stockVersion) {
        kafka.publishEvent("product-quantity-updated", "eshop.product.quantity-updated.v1", id, quantityJson(id, quantity, stockVersion));
    }

    private static String quantityJson(String id, int quantity, long stockVersion) {
        return """
                {"product_id": "%s", "quantity": %d, "cause": "RESTOCK", "stock_version": %d, "changed_at": "2025-01-09T08:01:45Z"}"""
                .formatted(id, quantity, stockVersion);
    }

    // --- images ------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "png", "webp"})
    void anImageIsStoredWithAThumbnailAndServedWithCacheHeaders(String format) throws IOException {
        String id = newProduct("Kia EV6 " + format);
        byte[] bytes = format.equals("webp") ? WEBP : image(format, 1600, 900);

        JsonNode image = upload(id, bytes, "upload.bin").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(image.get("main").asBoolean()).isTrue();
        String extension = format.equals("jpeg") ? "jpg" : format;
        assertThat(image.get("url").asString()).endsWith("." + extension).startsWith("http://localhost:8101/v1/images/");
        byte[] served = served(image.get("url").asString(), "image/" + format);
        assertThat(served).isEqualTo(bytes);
        byte[] thumbnail = served(image.get("thumbnail_url").asString(), "image/jpeg");
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertThat(Math.max(thumb.getWidth(), thumb.getHeight())).isEqualTo(format.equals("webp") ? 1 : 480);

        JsonNode product = api.get("/v1/products/" + id);
        assertThat(product.get("main_image_url").asString()).isEqualTo(image.get("url").asString());
        assertThat(product.get("version").asLong()).isEqualTo(2);
        ConsumerRecord<String, byte[]> updated = kafka.lastWithKey("product-updated", id, WAIT);
        assertThat(EventJson.read(updated.value(), ProductUpdated.class).images()).hasSize(1);
    }

    @Test
    void aFileThatIsNotAnImageByItsBytesIs415() {
        String id = newProduct("Kia Picanto");

        upload(id, "<html>hello</html>".getBytes(), "car.jpg").expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unsupported-media-type")
                .jsonPath("$.accepted[0]").isEqualTo("image/jpeg");
        assertThat(api.get("/v1/products/" + id).get("images")).isEmpty();
    }

    @Test
    void aFileOver5MegabytesIs413() {
        String id = newProduct("Kia Stinger");
        byte[] big = new byte[5 * 1024 * 1024 + 10];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;

        upload(id, big, "big.jpg").expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "payload-too-large")
                .jsonPath("$.max_bytes").isNumber();
    }

    @Test
    void theMainImageMovesWhenItIsRemoved() throws IOException {
        String id = newProduct("Kia Ceed");
        String first = upload(id, image("png", 20, 20), "a.png").expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        String second = upload(id, image("jpeg", 20, 20), "b.jpg").expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();

        api.delete("/v1/products/" + id + "/images/" + first, 204);

        JsonNode product = api.get("/v1/products/" + id);
        assertThat(product.get("images")).hasSize(1);
        assertThat(product.get("images").get(0).get("id").asString()).isEqualTo(second);
        assertThat(product.get("images").get(0).get("main").asBoolean()).isTrue();
    }

    @Test
    void anUnknownImageFileIs404() {
        api.client.get().uri("/v1/images/" + UUID.randomUUID() + ".jpg").exchange().expectStatus().isNotFound();
        api.client.get().uri("/v1/images/passwd.txt").exchange().expectStatus().isNotFound();
        api.client.get().uri("/v1/images/../../etc/passwd").exchange().expectStatus().is4xxClientError();
    }

    private RestTestClient.ResponseSpec upload(String productId, byte[] bytes, String fileName) {
        return upload(productId, bytes, fileName, Api.admin(), null);
    }

    private RestTestClient.ResponseSpec upload(String productId, byte[] bytes, String fileName, String token, String idempotencyKey) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.IMAGE_JPEG);
        var request = api.client.post().uri("/v1/products/" + productId + "/images").header(HttpHeaders.AUTHORIZATION, token);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.contentType(MediaType.MULTIPART_FORM_DATA).body(body.build()).exchange();
    }

    private byte[] served(String url, String contentType) {
        return api.client.get().uri(URI.create(url).getPath()).exchange().expectStatus().isOk()
                .expectHeader().contentType(contentType)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                .expectHeader().exists(HttpHeaders.ETAG)
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    // --- Idempotency-Key ---------------------------------------------------------------------------

    @Test
    void aRepeatedCreateOrUploadWithTheSameKeyIsAnsweredFromTheRecord() throws IOException {
        String admin = Api.admin();
        String key = UUID.randomUUID().toString();
        String body = Api.JSON.writeValueAsString(Map.of("name", "Kia Sorento Idem", "description", "SUV", "price", new BigDecimal("41000.00"),
                "category_id", suv, "attributes", Map.of("brand", "Kia"), "initial_quantity", 2));
        var first = createWithKey(admin, key, body).expectStatus().isCreated()
                .expectHeader().doesNotExist("Idempotent-Replayed").expectBody(String.class).returnResult();
        var repeat = createWithKey(admin, key, body).expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true").expectBody(String.class).returnResult();

        assertThat(repeat.getResponseBody()).isEqualTo(first.getResponseBody());
        assertThat(repeat.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        String id = Api.json(first.getResponseBody()).get("id").asString();
        assertThat(jdbc.sql("SELECT count(*) FROM products WHERE name = 'Kia Sorento Idem'").query(Integer.class).single())
                .as("one product").isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE ce_type = 'eshop.product.created.v1' AND message_key = ?").param(id)
                .query(Integer.class).single()).as("one product-created").isEqualTo(1);
        kafka.lastWithKey("product-created", id, WAIT);

        byte[] png = image("png", 30, 20);
        String uploaded = upload(id, png, "a.png", admin, key).expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        upload(id, png, "a.png", admin, key).expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody(String.class).isEqualTo(uploaded);
        upload(id, image("png", 31, 20), "a.png", admin, key).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "idempotency-key-reused");
        JsonNode product = api.get("/v1/products/" + id);
        assertThat(product.get("images")).as("one image").hasSize(1);
        assertThat(product.get("version").asLong()).isEqualTo(2);
    }

    private RestTestClient.ResponseSpec createWithKey(String admin, String key, String body) {
        return api.client.post().uri("/v1/products").header(HttpHeaders.AUTHORIZATION, admin).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    // --- who may do what ---------------------------------------------------------------------------

    @Test
    void readsArePublicAndWritesAreForAdmins() {
        String id = newProduct("Kia Soul");
        api.client.get().uri("/v1/products/" + id).exchange().expectStatus().isOk();
        api.client.get().uri("/v1/products").exchange().expectStatus().isOk();
        api.client.get().uri("/v1/categories").exchange().expectStatus().isOk();

        String body = "{\"name\": \"X\", \"price\": 1, \"category_id\": \"" + suv + "\", \"attributes\": {\"brand\": \"X\"}}";
        api.client.post().uri("/v1/products").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unauthenticated");
        api.client.post().uri("/v1/products").header(HttpHeaders.AUTHORIZATION, Api.customer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "forbidden");
        api.client.delete().uri("/v1/products/" + id).header(HttpHeaders.AUTHORIZATION, Api.customer()).exchange()
                .expectStatus().isForbidden();
        api.client.post().uri("/v1/categories").header(HttpHeaders.AUTHORIZATION, Api.customer())
                .contentType(MediaType.APPLICATION_JSON).body("{\"name\": \"Vans\"}").exchange().expectStatus().isForbidden();
        api.client.get().uri("/v1/products?include_deleted=true").header(HttpHeaders.AUTHORIZATION, Api.customer()).exchange()
                .expectStatus().isForbidden();
        api.client.get().uri("/v1/products/" + id).exchange().expectStatus().isOk();
    }

    @Test
    void lookupIsForServicesWithProductsReadAndAdmins() {
        String id = newProduct("Kia Rio");
        String body = "{\"ids\": [\"" + id + "\"]}";

        api.client.post().uri("/v1/products/lookup").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.service("products.read"))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].price").isEqualTo(30000.00)
                .jsonPath("$.items[0].available").isEqualTo(true);
        api.client.post().uri("/v1/products/lookup").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.service("stock.reserve"))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus().isForbidden();
        api.client.post().uri("/v1/products/lookup").header(HttpHeaders.AUTHORIZATION, Api.customer())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus().isForbidden();
        api.client.post().uri("/v1/products/lookup").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isUnauthorized();
        api.client.post().uri("/v1/products/lookup").header(HttpHeaders.AUTHORIZATION, Api.admin())
                .contentType(MediaType.APPLICATION_JSON).body("{\"ids\": [\"" + id + "\", \"" + id + "\"]}").exchange()
                .expectStatus().isBadRequest();
    }

    // --- bad input ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "price {0} -> {1}")
    @CsvSource({"0, validation", "-5.00, validation", "10.001, validation", "10000000.01, validation", "'\"12\"', malformed-request"})
    void badPricesAreRefused(String price, String slug) {
        String body = "{\"name\": \"Kia\", \"price\": " + price + ", \"category_id\": \"" + suv + "\", \"attributes\": {\"brand\": \"Kia\"}}";

        JsonNode problem = api.post("/v1/products", body, 400);

        assertThat(problem.get("type").asString()).isEqualTo(PROBLEMS + slug);
    }

    @Test
    void productRulesAreProblemsNeverServerErrors() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Kia");
        body.put("price", new BigDecimal("100.00"));
        body.put("attributes", Map.of("brand", "Kia"));

        body.put("category_id", UUID.randomUUID());
        assertThat(api.post("/v1/products", body, 404).get("type").asString()).isEqualTo(PROBLEMS + "not-found");

        body.put("category_id", cars);
        JsonNode notLeaf = api.post("/v1/products", body, 422);
        assertThat(notLeaf.get("rule").asString()).isEqualTo("category-not-leaf");

        body.put("category_id", suv);
        body.put("attributes", Map.of("model", "Ceed", "year", 1800, "fuel", "steam", "Bad Key", "x"));
        JsonNode invalid = api.post("/v1/products", body, 400);
        assertThat(invalid.get("errors").toString()).contains("attributes.brand", "attributes.year", "attributes.fuel", "attributes.Bad Key");
    }

    @Test
    void categoryLevelRulesAreRuleViolations() {
        UUID sedan = api.category("Sedan " + UUID.randomUUID().toString().substring(0, 6), cars);
        Map<String, Object> third = new HashMap<>();
        third.put("name", "Too deep");
        third.put("parent_id", sedan);
        assertThat(api.post("/v1/categories", third, 422).get("rule").asString()).isEqualTo("too-deep");

        Map<String, Object> carsUnderSuv = new HashMap<>();
        carsUnderSuv.put("name", "Cars");
        carsUnderSuv.put("slug", "cars");
        carsUnderSuv.put("parent_id", suv);
        assertThat(api.put("/v1/categories/" + cars, carsUnderSuv, 422).get("rule").asString()).isEqualTo("too-deep");

        newProduct("Kia Sorento");
        Map<String, Object> suvToTop = new HashMap<>();
        suvToTop.put("name", "SUV");
        suvToTop.put("parent_id", null);
        assertThat(api.put("/v1/categories/" + suv, suvToTop, 422).get("rule").asString()).isEqualTo("has-products");

        api.delete("/v1/categories/" + suv, 409);
        api.delete("/v1/categories/" + cars, 409);
        Map<String, Object> duplicate = new HashMap<>();
        duplicate.put("name", "suv");
        duplicate.put("parent_id", cars);
        assertThat(api.post("/v1/categories", duplicate, 409).get("type").asString()).isEqualTo(PROBLEMS + "duplicate");
        api.delete("/v1/categories/" + sedan, 204);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/v1/products/not-a-uuid, 400",
            "'/v1/products?sort=colour,asc', 400",
            "'/v1/products?sort=created_at,asc', 400",
            "/v1/products?sort=price, 400",
            "/v1/products?page=-1, 400",
            "/v1/products?size=0, 400",
            "/v1/products?size=101, 400",
            "/v1/products?page=abc, 400",
            "/v1/products?min_price=10&max_price=5, 400",
            "/v1/products?min_price=-1, 400",
            "/v1/products?min_price=cheap, 400",
            "/v1/products?year_min=2020&year_max=2010, 400",
            "/v1/products?category=no-such-category, 400",
            "/v1/products?in_stock=maybe, 400",
            "/v1/categories/no-such-category, 404",
            "/v1/products/0193a1f2-3c4d-7e5f-8a6b-7c8d9e0f1a2b, 404"})
    void badQueriesAreClearProblems(String uri, int status) {
        api.client.get().uri(uri).exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isNotEmpty();
    }

    @Test
    void theOpenApiDocumentListsTheEndpoints() {
        api.client.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/v1/products']").exists()
                .jsonPath("$.paths['/v1/products/{id}/images']").exists()
                .jsonPath("$.paths['/v1/categories']").exists();
    }

}
