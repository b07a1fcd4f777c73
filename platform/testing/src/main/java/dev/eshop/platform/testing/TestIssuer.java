package dev.eshop.platform.testing;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.JOSEException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal OpenID Connect issuer for tests: it publishes a discovery document and the public key
 * of the key pair that {@link TestTokens} signs with, so a service verifies test tokens exactly as
 * it verifies real ones (by the issuer's published keys). Its token endpoint ({@code /oauth2/token})
 * grants client-credentials tokens to the clients a test registers with {@link #registerClient}.
 */
public final class TestIssuer {

    private static TestIssuer instance;

    private record Client(String secret, List<String> scopes) {
    }

    private final RSAKey key;
    private final HttpServer server;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tokenRequests = new ConcurrentHashMap<>();

    private TestIssuer() throws IOException, JOSEException {
        this.key = new RSAKeyGenerator(2048).keyID("eshop-test").keyUse(KeyUse.SIGNATURE).generate();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange, """
                {"issuer":"%s","jwks_uri":"%s/jwks","token_endpoint":"%s/oauth2/token","id_token_signing_alg_values_supported":["RS256"],\
                "subject_types_supported":["public"],"response_types_supported":["code"]}"""
                .formatted(uri(), uri(), uri())));
        server.createContext("/jwks", exchange -> respond(exchange, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/oauth2/token", this::token);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-issuer-stop"));
    }

    public static synchronized TestIssuer get() {
        if (instance == null) {
            try {
                instance = new TestIssuer();
            }
            catch (IOException e) {
                throw new UncheckedIOException("the test issuer did not start", e);
            }
            catch (JOSEException e) {
                throw new IllegalStateException("no RSA key for the test issuer", e);
            }
        }
        return instance;
    }

    /** The issuer identifier, also the base of its discovery document. */
    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Lets a service client obtain tokens with these scopes from {@code /oauth2/token} (client credentials). */
    public void registerClient(String clientId, String secret, String... scopes) {
        clients.put(clientId, new Client(secret, List.of(scopes)));
    }

    /** How many tokens the client has been granted so far. */
    public int tokenRequests(String clientId) {
        return tokenRequests.computeIfAbsent(clientId, id -> new AtomicInteger()).get();
    }

    private void token(HttpExchange exchange) throws IOException {
        String[] credentials = basicCredentials(exchange.getRequestHeaders().getFirst("Authorization"));
        Client client = credentials == null ? null : clients.get(credentials[0]);
        if (client == null || !client.secret().equals(credentials[1])) {
            respond(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"client_credentials".equals(form.get("grant_type"))) {
            respond(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        List<String> scopes = form.containsKey("scope") ? Arrays.asList(form.get("scope").split(" ")) : client.scopes();
        if (!client.scopes().containsAll(scopes)) {
            respond(exchange, 400, "{\"error\":\"invalid_scope\"}");
            return;
        }
        tokenRequests.computeIfAbsent(credentials[0], id -> new AtomicInteger()).incrementAndGet();
        String token = TestTokens.token().subject(credentials[0]).roles().scopes(scopes.toArray(String[]::new)).mint();
        respond(exchange, 200, "{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"%s\"}"
                .formatted(token, String.join(" ", scopes)));
    }

    private static String[] basicCredentials(String header) {
        if (header == null || !header.startsWith("Basic ")) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    RSAKey signingKey() {
        return key;
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        respond(exchange, 200, json);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
