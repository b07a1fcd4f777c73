package dev.eshop.e2e;

import dev.eshop.platform.local.CodeFlowLogin;
import dev.eshop.platform.local.CodeFlowLogin.OidcTokens;
import dev.eshop.platform.testing.KafkaEngine;
import dev.eshop.platform.testing.Ports;
import dev.eshop.platform.testing.PostgresEngine;
import dev.eshop.platform.testing.ServiceProcess;
import dev.eshop.platform.web.client.CalleeProblemException;
import dev.eshop.platform.web.client.ServiceClients;
import dev.eshop.platform.web.client.ServiceCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.eshop.e2e.shop.Calls.client;
import static dev.eshop.e2e.shop.Calls.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Identity across services: the auth service and the warehouse each run as their own process from
 * their jars. People sign in through auth's pages (authorization code with PKCE), services get
 * client-credentials tokens, and the warehouse trusts only what auth signed, by role and scope.
 */
class IdentityJourneyTest {

    private static final String ADMIN_EMAIL = "admin@eshop.test";
    private static final String ADMIN_PASSWORD = "admin-password-2026";
    private static final Map<String, String> SECRETS = Map.of("storefront", "storefront-secret", "admin", "admin-secret",
            "cart-service", "cart-secret", "order-service", "order-secret");

    private static final int AUTH_PORT = Ports.free();
    private static final String ISSUER = "http://127.0.0.1:" + AUTH_PORT;

    private static Map<String, String> authEnvironment;
    private static ServiceProcess auth;
    private static ServiceProcess warehouse;

    @BeforeAll
    static void startServices() {
        PostgresEngine postgres = PostgresEngine.get();
        KafkaEngine kafka = KafkaEngine.get();
        authEnvironment = new HashMap<>(Map.of(
                "SERVER_PORT", Integer.toString(AUTH_PORT),
                "SPRING_DATASOURCE_URL", postgres.jdbcUrl(postgres.createDatabase("identity_auth")),
                "SPRING_DATASOURCE_USERNAME", postgres.username(),
                "SPRING_DATASOURCE_PASSWORD", postgres.password(),
                "ESHOP_AUTH_ISSUER", ISSUER,
                "ESHOP_AUTH_SIGNING_KEY_ENCRYPTION_SECRET", "journey-signing-key-secret",
                "ESHOP_AUTH_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL,
                "ESHOP_AUTH_BOOTSTRAP_ADMIN_NAME", "Ada Admin",
                "ESHOP_AUTH_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD));
        // Client names contain dashes, which environment variable names cannot carry.
        authEnvironment.put("SPRING_APPLICATION_JSON", """
                {"eshop":{"auth":{"clients":{"storefront":{"secret":"%s"},"admin":{"secret":"%s"},
                "cart-service":{"secret":"%s"},"order-service":{"secret":"%s"}}}}}"""
                .formatted(SECRETS.get("storefront"), SECRETS.get("admin"), SECRETS.get("cart-service"),
                        SECRETS.get("order-service")));
        auth = ServiceProcess.start("auth", authEnvironment);

        warehouse = ServiceProcess.start("warehouse", Map.of(
                "SPRING_DATASOURCE_URL", postgres.jdbcUrl(postgres.createDatabase("identity_warehouse")),
                "SPRING_DATASOURCE_USERNAME", postgres.username(),
                "SPRING_DATASOURCE_PASSWORD", postgres.password(),
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "ESHOP_KAFKA_TOPIC_PREFIX", kafka.freshNamespace("identity"),
                "ESHOP_SECURITY_ISSUER_URI", ISSUER));
    }

    @AfterAll
    static void stopServices() {
        if (warehouse != null) {
            warehouse.close();
        }
        if (auth != null) {
            auth.close();
        }
    }

    @Test
    void anAdminSignedInThroughAuthRunsTheWarehouses() {
        OidcTokens admin = adminLogin().login(ADMIN_EMAIL, ADMIN_PASSWORD);

        HttpStatusCode created = client(warehouse, admin.accessToken()).post().uri("/v1/warehouses")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "North " + UUID.randomUUID(), "street", "1 Depot Road", "city", "Springfield",
                        "state", "IL", "zip_code", "10001"))
                .retrieve().toBodilessEntity().getStatusCode();
        JsonNode me = client(auth, admin.accessToken()).get().uri("/v1/users/me").retrieve().body(JsonNode.class);

        assertThat(created.value()).isEqualTo(201);
        assertThat(me.path("role").asString()).isEqualTo("ADMIN");
        assertThat(me.path("email").asString()).isEqualTo(ADMIN_EMAIL);
    }

    @Test
    void aCustomerWhoSignedUpCannotReachTheBackOffice() {
        String email = "rider-" + UUID.randomUUID() + "@example.com";
        OidcTokens customer = storefrontLogin().register("Rita Rider", email, "a long enough password");

        JsonNode me = client(auth, customer.accessToken()).get().uri("/v1/users/me").retrieve().body(JsonNode.class);
        int warehouses = status(client(warehouse, customer.accessToken()).get().uri("/v1/warehouses"));
        int reserve = status(client(warehouse, customer.accessToken()).post().uri("/v1/stock/plan")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of()));

        assertThat(me.path("role").asString()).isEqualTo("CUSTOMER");
        assertThat(warehouses).isEqualTo(403);
        assertThat(reserve).isEqualTo(403);
    }

    @Test
    void theOrderServicePlansStockWithItsOwnTokenAndTheCartServiceCannot() {
        ServiceClients orderService = serviceClients("order-service");
        RestClient stock = orderService.create("warehouse");
        String unknownProduct = UUID.randomUUID().toString();

        // Past security, the warehouse answers on the merits: nothing of an unknown product is in stock.
        assertThatThrownBy(() -> stock.post().uri("/v1/stock/plan")
                .attribute(ServiceClients.SAFE_TO_RETRY, true)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("zip_code", "10001", "lines", List.of(Map.of("product_id", unknownProduct, "quantity", 1))))
                .retrieve().toBodilessEntity())
                .isInstanceOfSatisfying(CalleeProblemException.class, problem -> {
                    assertThat(problem.status().value()).isEqualTo(409);
                    assertThat(problem.slug()).isEqualTo("insufficient-stock");
                });

        String cartToken = CodeFlowLogin.clientCredentials(ISSUER, "cart-service", SECRETS.get("cart-service"));
        assertThat(status(client(warehouse, cartToken).post().uri("/v1/stock/plan")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of()))).isEqualTo(403);
    }

    @Test
    void tokensIssuedBeforeARestartOfAuthStillVerify() {
        OidcTokens admin = adminLogin().login(ADMIN_EMAIL, ADMIN_PASSWORD);

        auth.close();
        auth = ServiceProcess.start("auth", authEnvironment);

        assertThat(status(client(auth, admin.accessToken()).get().uri("/v1/users/me"))).isEqualTo(200);
        assertThat(status(client(warehouse, admin.accessToken()).get().uri("/v1/warehouses"))).isEqualTo(200);
        OidcTokens again = adminLogin().login(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(status(client(warehouse, again.accessToken()).get().uri("/v1/warehouses"))).isEqualTo(200);
    }

    private static CodeFlowLogin adminLogin() {
        return CodeFlowLogin.at(ISSUER).client("admin", SECRETS.get("admin"), "http://127.0.0.1:8081/login/oauth2/code/eshop");
    }

    private static CodeFlowLogin storefrontLogin() {
        return CodeFlowLogin.at(ISSUER).client("storefront", SECRETS.get("storefront"),
                "http://127.0.0.1:8080/login/oauth2/code/eshop");
    }

    /** The client a service makes with platform-web, configured as the order service would be. */
    private static ServiceClients serviceClients(String clientId) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("callees",
                Map.of("eshop.clients.warehouse.base-url", warehouse.baseUrl())));
        return new ServiceClients(RestClient.builder(), environment, JsonMapper.builder().build(),
                new ServiceCredentials(clientId, SECRETS.get(clientId), null, List.of()), ISSUER);
    }
}
