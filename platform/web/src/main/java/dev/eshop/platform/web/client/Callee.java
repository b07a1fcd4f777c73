package dev.eshop.platform.web.client;

import java.time.Duration;

/**
 * {@code eshop.clients.<callee>.*}: where another service answers and how long to wait for it.
 *
 * @param baseUrl        e.g. {@code http://localhost:8105}
 * @param connectTimeout default 2 s
 * @param readTimeout    default 5 s
 */
record Callee(String baseUrl, Duration connectTimeout, Duration readTimeout) {

    Callee {
        if (connectTimeout == null) {
            connectTimeout = Duration.ofSeconds(2);
        }
        if (readTimeout == null) {
            readTimeout = Duration.ofSeconds(5);
        }
    }
}
