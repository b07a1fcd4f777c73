package dev.eshop.platform.webapp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.eshop.platform.testing.TestIssuer;
import dev.eshop.platform.testing.TestTokens;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Stands in for auth (an OpenID Connect provider: discovery, token endpoint for the code and
 * refresh grants, user info; its ID tokens are signed with {@link TestIssuer}'s key, whose JWKS it
 * names) and for a "catalog" service the test app calls, on one port of 127.0.0.1.
 */
final class FakeIssuer {

    record Request(String method, String path, String query, Map<String, String> form, String authorization) {
    }

    record Answer(int status, String json) {
    }

    static final String CLIENT_ID = "test-app";
    static final String CLIENT_SECRET = "test-app-secret";

    private static FakeIssuer instance;

    private final HttpServer server;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Request, Answer>> routes = new ConcurrentHashMap<>();
    /** code → (code_challenge, nonce, subject) of an authorization the test let through. */
    private final Map<String, String[]> codes = new ConcurrentHashMap<>();

    private FakeIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "fake-issuer-stop"));
    }

    static synchronized FakeIssuer get() {
        if (instance == null) {
            instance = new FakeIssuer();
        }
        return instance;
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void reset() {
        received.clear();
        routes.clear();
        codes.clear();
        answer("GET", "/.well-known/openid-configuration", request -> new Answer(200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/oauth2/token",
                 "jwks_uri":"%2$s/jwks","userinfo_endpoint":"%1$s/userinfo","end_session_endpoint":"%1$s/connect/logout",
                 "response_types_supported":["code"],"subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],
                 "scopes_supported":["openid","profile","email"]}""".formatted(uri(), TestIssuer.get().uri())));
        answer("POST", "/oauth2/token", this::token);
        answer("GET", "/userinfo", request -> new Answer(200, """
                {"sub":"%s","name":"Carl Customer","email":"carl@example.com","roles":["CUSTOMER"]}"""
                .formatted(codes.values().stream().findFirst().map(code -> code[2]).orElse("unknown"))));
    }

    void answer(String method, String path, Function<Request, Answer> handler) {
        routes.put(method + " " + path, handler);
    }

    /** The authorization server lets the user in: a code for this authorization request's PKCE challenge and nonce. */
    void authorize(String code, String challenge, String nonce, String subject) {
        codes.put(code, new String[] {challenge, nonce, subject});
    }

    List<Request> requests(String method, String path) {
        return received.stream().filter(request -> request.method().equals(method) && request.path().equals(path)).toList();
    }

    private Answer token(Request request) {
        String expectedClient = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!expectedClient.equals(request.authorization())) {
            return new Answer(401, "{\"error\":\"invalid_client\"}");
        }
        if ("authorization_code".equals(request.form().get("grant_type"))) {
            String[] code = codes.get(request.form().get("code"));
            if (code == null || !code[0].equals(challenge(request.form().get("code_verifier")))) {
                return new Answer(400, "{\"error\":\"invalid_grant\"}");
            }
            String idToken = TestTokens.token().issuer(uri()).audience(CLIENT_ID).subject(code[2]).roles("CUSTOMER")
                    .claim("nonce", code[1]).claim("name", "Carl Customer").claim("email", "carl@example.com").mint();
            return new Answer(200, """
                    {"access_token":"access-1","token_type":"Bearer","expires_in":600,"refresh_token":"refresh-1",
                     "scope":"openid profile email","id_token":"%s"}""".formatted(idToken));
        }
        return new Answer(400, "{\"error\":\"unsupported_grant_type\"}");
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(verifier).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery(),
                form, exchange.getRequestHeaders().getFirst("Authorization"));
        received.add(request);
        Function<Request, Answer> route = routes.get(request.method() + " " + request.path());
        Answer answer = route == null ? new Answer(404, "{\"status\":404,\"detail\":\"nothing here\"}") : route.apply(request);
        if (answer == null) {
            return;
        }
        byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.status() >= 400 && request.path().startsWith("/v1")
                ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
