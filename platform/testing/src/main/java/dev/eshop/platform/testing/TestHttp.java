package dev.eshop.platform.testing;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.web.servlet.client.RestTestClient;

/** HTTP clients for a service a test started on 127.0.0.1. */
public final class TestHttp {

    private TestHttp() {
    }

    /**
     * A client for the server on the given port. It uses the JDK's HTTP client, because Apache
     * HttpClient would retry a 503 after its {@code Retry-After} by itself and hide the answer.
     */
    public static RestTestClient client(int port) {
        return RestTestClient.bindToServer(new JdkClientHttpRequestFactory()).baseUrl("http://127.0.0.1:" + port).build();
    }
}
