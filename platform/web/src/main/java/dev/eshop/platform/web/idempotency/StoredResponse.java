package dev.eshop.platform.web.idempotency;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What is kept of a 2xx answer (status, body, {@code Content-Type} and {@code Location}) and how it is written again. */
final class StoredResponse {

    /** The headers a replay repeats; each stored as a {@code Name: value} line. */
    static final List<String> KEPT_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION);

    private StoredResponse() {
    }

    static String headers(HttpServletResponse response) {
        StringBuilder lines = new StringBuilder();
        for (String name : KEPT_HEADERS) {
            String value = HttpHeaders.CONTENT_TYPE.equals(name) ? response.getContentType() : response.getHeader(name);
            if (value != null) {
                lines.append(name).append(": ").append(value).append('\n');
            }
        }
        return lines.toString();
    }

    static void replay(IdempotencyStore.Replay replay, HttpServletResponse response) throws IOException {
        response.setStatus(replay.status());
        if (replay.headers() != null) {
            for (String line : replay.headers().split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    String name = line.substring(0, colon);
                    String value = line.substring(colon + 2);
                    if (HttpHeaders.CONTENT_TYPE.equals(name)) {
                        response.setContentType(value);
                    }
                    else {
                        response.setHeader(name, value);
                    }
                }
            }
        }
        response.setHeader(IdempotencyInterceptor.REPLAYED, "true");
        byte[] body = replay.body() == null ? new byte[0] : replay.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
