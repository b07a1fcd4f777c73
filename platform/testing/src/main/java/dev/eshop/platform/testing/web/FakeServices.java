package dev.eshop.platform.testing.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Stands in, for a web app's page tests, for the services it calls, all on one port of 127.0.0.1: each test says what a path answers (JSON shaped as services.md describes), and
 * reads afterwards what the app sent. An unknown path answers 404 with a problem, as the
 * services do. Also publishes auth's discovery document, so the app finds the issuer as in production.
 */
public final class FakeServices {

    /** One request as a service received it. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(entry -> entry.getValue().getFirst()).orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The query parameter's values, decoded, in order. */
        public List<String> params(String name) {
            List<String> values = new ArrayList<>();
            if (query != null) {
                for (String pair : query.split("&")) {
                    int equals = pair.indexOf('=');
                    String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                    if (key.equals(name)) {
                        values.add(equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            return values;
        }

        public String param(String name) {
            List<String> values = params(name);
            return values.isEmpty() ? null : values.getFirst();
        }
    }

    /** What a path answers. */
    public record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {

        public static Answer json(int status, String json) {
            return new Answer(status, status >= 400 ? "application/problem+json" : "application/json", json.getBytes(StandardCharsets.UTF_8),
                    Map.of());
        }

        /** A file, e.g. a picture or a download, with headers such as Content-Disposition. */
        public static Answer file(String contentType, byte[] body, Map<String, String> headers) {
            return new Answer(200, contentType, body, headers);
        }
    }

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static FakeServices instance;

    private final HttpServer server;
    private final Map<String, Function<Request, Answer>> routes = new ConcurrentHashMap<>();
    private final List<Request> received = new CopyOnWriteArrayList<>();

    private FakeServices() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "fake-services-stop"));
    }

    public static synchronized FakeServices get() {
        if (instance == null) {
            instance = new FakeServices();
        }
        return instance;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets every answer and request; only the discovery document stays. */
    public void reset() {
        routes.clear();
        received.clear();
        String issuer = baseUrl();
        answer("GET", "/.well-known/openid-configuration", 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/oauth2/authorize","token_endpoint":"%1$s/oauth2/token",
                 "jwks_uri":"%1$s/oauth2/jwks","userinfo_endpoint":"%1$s/userinfo","end_session_endpoint":"%1$s/connect/logout",
                 "response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer));
    }

    public void answer(String method, String path, int status, String json) {
        answer(method, path, request -> Answer.json(status, json));
    }

    public void answer(String method, String path, Function<Request, Answer> handler) {
        routes.put(method + " " + path, handler);
    }

    /** The requests a path received, oldest first. */
    public List<Request> requests(String method, String path) {
        return received.stream().filter(request -> request.method().equals(method) && request.path().equals(path)).toList();
    }

    public Request last(String method, String path) {
        List<Request> requests = requests(method, path);
        if (requests.isEmpty()) {
            throw new AssertionError("no " + method + " " + path + " received; got " + received.stream()
                    .map(request -> request.method() + " " + request.path()).toList());
        }
        return requests.getLast();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes());
        received.add(request);
        Function<Request, Answer> route = routes.get(request.method() + " " + request.path());
        Answer answer;
        try {
            answer = route != null ? route.apply(request) : Answer.json(404, """
                    {"type":"https://eshop.example/problems/not-found","title":"Not found","status":404,
                     "detail":"There is nothing at %s.","trace_id":"fake0000000000000000000000000404"}""".formatted(request.path()));
        }
        catch (RuntimeException ex) {
            answer = Answer.json(500, "{\"title\":\"the fake failed\",\"detail\":\"" + ex.getMessage() + "\"}");
        }
        if (answer == null) {
            // The service never answers: the app's read timeout has to end the wait.
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }
}
