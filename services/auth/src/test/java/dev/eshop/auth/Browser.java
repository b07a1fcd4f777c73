package dev.eshop.auth;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A browser for the pages: keeps cookies, follows no redirect by itself (tests look at each one),
 * and submits forms with the CSRF token they carry.
 */
final class Browser {

    /** One answer: its status, {@code Location} (absolute) if any, and the HTML. */
    record Page(URI uri, int status, Optional<URI> location, String html, HttpResponse<String> response) {

        Document document() {
            return Jsoup.parse(html, uri.toString());
        }

        String text() {
            return document().text();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    Page get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
    }

    /** GETs redirect after redirect while they stay on this host, and returns the first other answer. */
    Page follow(Page page) {
        Page current = page;
        for (int hops = 0; hops < 10 && current.location().isPresent(); hops++) {
            URI next = current.location().get();
            if (!sameOrigin(next, current.uri())) {
                return current;
            }
            current = get(next.toString());
        }
        return current;
    }

    /** Submits the page's POST form with these fields, plus its hidden inputs (the CSRF token). */
    Page submit(Page page, Map<String, String> fields) {
        Element form = page.document().selectFirst("form[method=post]");
        if (form == null) {
            throw new IllegalStateException("no form on " + page.uri() + ":\n" + page.html());
        }
        Map<String, String> values = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> values.put(input.attr("name"), input.attr("value")));
        values.putAll(fields);
        return post(form.absUrl("action").isEmpty() ? page.uri().toString() : form.absUrl("action"), values);
    }

    Page post(String url, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private Page send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            Optional<URI> location = response.headers().firstValue("Location").map(built.uri()::resolve);
            return new Page(built.uri(), response.statusCode(), location, response.body(), response);
        }
        catch (IOException e) {
            throw new IllegalStateException("no answer from " + built.uri(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getHost().equals(b.getHost()) && a.getPort() == b.getPort();
    }
}
