package dev.eshop.platform.testing;

import org.junit.jupiter.api.DynamicTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what, as a table: every endpoint of a service × five callers (anonymous, customer A,
 * customer B who owns nothing of A's, an admin, a service client) → the status each gets, checked
 * against the running service and its real security chain.
 * <p>
 * Choose requests so that a caller who is let through gets a status that says so without changing
 * what the other rows rely on: an empty body (400), an unknown id (404), a list (200).
 *
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicTest&gt; whoMayCallWhat() {
 *     return AuthorizationMatrix.at(port).withTestTokens("stock.reserve")
 *             //                                  anonymous  A    B  admin service
 *             .row("GET /v1/warehouses",             401, 403, 403, 200, 403)
 *             .row("POST /v1/warehouses", "{}",      401, 403, 403, 400, 403)
 *             .coveringEveryEndpointOf(context)
 *             .tests();
 * }
 * </pre>
 */
public final class AuthorizationMatrix {

    /** The subject of customer A's test token: give A's resources this owner. */
    public static final UUID CUSTOMER_A = UUID.fromString("0197a000-0000-7000-8000-00000000000a");

    /** The subject of customer B's test token. */
    public static final UUID CUSTOMER_B = UUID.fromString("0197a000-0000-7000-8000-00000000000b");

    private static final String[] CALLERS = {"anonymous", "customer A", "customer B", "admin", "service"};
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private record Row(String method, String path, String body, int[] expected) {
    }

    private final int port;
    private final String[] tokens = new String[CALLERS.length];
    private final List<Row> rows = new ArrayList<>();
    private ApplicationContext mappedEndpoints;

    private AuthorizationMatrix(int port) {
        this.port = port;
    }

    public static AuthorizationMatrix at(int port) {
        return new AuthorizationMatrix(port);
    }

    /** Tokens of each caller ({@code null} for none). */
    public AuthorizationMatrix tokens(String anonymous, String customerA, String customerB, String admin, String service) {
        tokens[0] = anonymous;
        tokens[1] = customerA;
        tokens[2] = customerB;
        tokens[3] = admin;
        tokens[4] = service;
        return this;
    }

    /** {@link TestTokens} for each caller: customers {@link #CUSTOMER_A} and {@link #CUSTOMER_B}, a service with these scopes. */
    public AuthorizationMatrix withTestTokens(String... serviceScopes) {
        return tokens(null, TestTokens.customer(CUSTOMER_A), TestTokens.customer(CUSTOMER_B), TestTokens.admin(),
                TestTokens.service(serviceScopes));
    }

    /** A request without a body, e.g. {@code "GET /v1/warehouses"}, and the status of each caller. */
    public AuthorizationMatrix row(String request, int anonymous, int customerA, int customerB, int admin, int service) {
        return row(request, null, anonymous, customerA, customerB, admin, service);
    }

    /** A request with a JSON body and the status of each caller. */
    public AuthorizationMatrix row(String request, String jsonBody, int anonymous, int customerA, int customerB, int admin,
            int service) {
        String[] parts = request.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException("a request reads like \"GET /v1/things\": " + request);
        }
        rows.add(new Row(parts[0], parts[1], jsonBody, new int[] {anonymous, customerA, customerB, admin, service}));
        return this;
    }

    /**
     * Adds a test that fails when the application maps an endpoint (its own controllers and the
     * platform's) that no row calls, so a new endpoint cannot be added without deciding who may call it.
     */
    public AuthorizationMatrix coveringEveryEndpointOf(ApplicationContext context) {
        this.mappedEndpoints = context;
        return this;
    }

    public Stream<DynamicTest> tests() {
        List<DynamicTest> tests = new ArrayList<>();
        if (mappedEndpoints != null) {
            tests.add(DynamicTest.dynamicTest("every endpoint is in the table", this::assertEveryEndpointCovered));
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        for (Row row : rows) {
            for (int caller = 0; caller < CALLERS.length; caller++) {
                int index = caller;
                String name = row.method() + " " + row.path() + " as " + CALLERS[caller] + " → " + row.expected()[caller];
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    HttpResponse<String> response = send(client, row, tokens[index]);
                    assertEquals(row.expected()[index], response.statusCode(),
                            () -> row.method() + " " + row.path() + " as " + CALLERS[index] + " answered " + response.body());
                }));
            }
        }
        return tests.stream();
    }

    private HttpResponse<String> send(HttpClient client, Row row, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + row.path()))
                .timeout(TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (row.body() != null) {
            request.header("Content-Type", "application/json");
            request.method(row.method(), HttpRequest.BodyPublishers.ofString(row.body()));
        }
        else {
            request.method(row.method(), HttpRequest.BodyPublishers.noBody());
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertEveryEndpointCovered() {
        TreeSet<String> missing = new TreeSet<>();
        PathPatternParser parser = PathPatternParser.defaultInstance;
        for (RequestMappingHandlerMapping mapping : mappedEndpoints.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                if (!ownEndpoint(handler)) {
                    return;
                }
                for (String pattern : info.getPatternValues()) {
                    if (pattern.equals("/error")) {
                        continue;
                    }
                    PathPattern path = parser.parse(pattern);
                    for (String method : methods(info)) {
                        boolean covered = rows.stream().anyMatch(row -> row.method().equalsIgnoreCase(method)
                                && path.matches(PathContainer.parsePath(URI.create(row.path()).getRawPath())));
                        if (!covered) {
                            missing.add(method + " " + pattern);
                        }
                    }
                }
            });
        }
        assertTrue(missing.isEmpty(), () -> "endpoints without a row in the authorization matrix: " + missing);
    }

    private static boolean ownEndpoint(HandlerMethod handler) {
        return handler.getBeanType().getName().startsWith("dev.eshop.");
    }

    private static List<String> methods(RequestMappingInfo info) {
        if (info.getMethodsCondition().getMethods().isEmpty()) {
            return List.of("GET", "POST", "PUT", "PATCH", "DELETE");
        }
        return info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
    }
}
