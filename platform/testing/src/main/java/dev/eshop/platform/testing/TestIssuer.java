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
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A minimal OpenID Connect issuer for tests: it publishes a discovery document and the public key
 * of the key pair that {@link TestTokens} signs with, so a service verifies test tokens exactly as
 * it verifies real ones (by the issuer's published keys).
 */
public final class TestIssuer {

    private static TestIssuer instance;

    private final RSAKey key;
    private final HttpServer server;

    private TestIssuer() throws IOException, JOSEException {
        this.key = new RSAKeyGenerator(2048).keyID("eshop-test").keyUse(KeyUse.SIGNATURE).generate();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange, """
                {"issuer":"%s","jwks_uri":"%s/jwks","id_token_signing_alg_values_supported":["RS256"],\
                "subject_types_supported":["public"],"response_types_supported":["code"]}"""
                .formatted(uri(), uri())));
        server.createContext("/jwks", exchange -> respond(exchange, new JWKSet(key.toPublicJWK()).toString()));
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

    RSAKey signingKey() {
        return key;
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
