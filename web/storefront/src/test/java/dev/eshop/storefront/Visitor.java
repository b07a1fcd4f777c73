package dev.eshop.storefront;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.Cookie;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A browser for the page tests: keeps the session cookie, follows no redirect by itself, and submits
 * a page's forms with what they hold (hidden fields and the CSRF token included), like a browser
 * without JavaScript; {@link #htmx()} makes the requests htmx makes instead.
 */
final class Visitor {

    static final String SESSION_COOKIE = "ESHOP_STOREFRONT_SESSION";

    /** One answer: status, redirect target, headers and the HTML parsed by jsoup. */
    record Page(MvcResult result) {

        int status() {
            return result.getResponse().getStatus();
        }

        String redirect() {
            return result.getResponse().getRedirectedUrl();
        }

        String header(String name) {
            return result.getResponse().getHeader(name);
        }

        String html() {
            try {
                return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }

        Document document() {
            return Jsoup.parse(html(), "http://localhost/");
        }

        /** The text a person reads (whitespace collapsed). */
        String text() {
            return document().text();
        }

        Element one(String css) {
            Element element = document().selectFirst(css);
            if (element == null) {
                throw new AssertionError("no " + css + " on the page:\n" + html());
            }
            return element;
        }

        /** The form a CSS selector names (the form itself, or the first form inside it). */
        Element form(String css) {
            Element element = one(css);
            return element.tagName().equals("form") ? element : element.selectFirst("form");
        }
    }

    private final MockMvc mvc;
    private String session;
    private boolean htmx;
    private boolean historyRestore;
    private String currentUrl = "http://localhost/";

    Visitor(MockMvc mvc, String session) {
        this.mvc = mvc;
        this.session = session;
    }

    /** The same visitor, making its requests as htmx does ({@code HX-Request}). */
    Visitor htmx() {
        Visitor copy = new Visitor(mvc, session);
        copy.htmx = true;
        copy.currentUrl = currentUrl;
        return copy;
    }

    /** The same visitor, reloading a page htmx had pushed to the history but no longer holds (the back button). */
    Visitor restoringHistory() {
        Visitor copy = htmx();
        copy.historyRestore = true;
        return copy;
    }

    /** The page htmx says it is on ({@code HX-Current-URL}). */
    Visitor on(String path) {
        this.currentUrl = "http://localhost" + path;
        return this;
    }

    String session() {
        return session;
    }

    Page get(String url) {
        return perform(MockMvcRequestBuilders.get(url));
    }

    /** A GET of a URI template, its variables encoded as a browser would. */
    Page get(String template, Object... variables) {
        return perform(MockMvcRequestBuilders.get(template, variables));
    }

    /** Submits a form as it is, with some fields changed, by its method (POST unless it says GET). */
    Page submit(Element form, Map<String, String> changes) {
        Map<String, String> fields = fields(form);
        fields.putAll(changes);
        if ("get".equalsIgnoreCase(form.attr("method"))) {
            // A GET form's fields travel in the query string, as a browser sends them.
            UriComponentsBuilder url = UriComponentsBuilder.fromUriString(action(form));
            fields.forEach(url::queryParam);
            return perform(MockMvcRequestBuilders.get(url.encode().build().toUri()));
        }
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(action(form));
        fields.forEach(request::param);
        return perform(request);
    }

    Page submit(Element form) {
        return submit(form, Map.of());
    }

    /** Posts to a URL with exactly these parameters (no CSRF token unless given). */
    Page post(String url, Map<String, String> params) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(url);
        params.forEach(request::param);
        return perform(request);
    }

    /** Submits a multipart form with a file. */
    Page upload(Element form, String fileField, byte[] bytes, String contentType, Map<String, String> changes) {
        MockMultipartHttpServletRequestBuilder request = MockMvcRequestBuilders.multipart(action(form));
        if (bytes != null) {
            request.file(new MockMultipartFile(fileField, "receipt.jpg", contentType, bytes));
        }
        Map<String, String> fields = fields(form);
        fields.remove(fileField);
        fields.putAll(changes);
        fields.forEach(request::param);
        return perform(request);
    }

    private Page perform(AbstractMockHttpServletRequestBuilder<?> request) {
        if (session != null) {
            request.cookie(new Cookie(SESSION_COOKIE, session));
        }
        request.header("Accept", "text/html");
        if (htmx) {
            request.header("HX-Request", "true").header("HX-Current-URL", currentUrl);
            if (historyRestore) {
                request.header("HX-History-Restore-Request", "true");
            }
        }
        else {
            request.header("Referer", currentUrl);
        }
        try {
            MvcResult result = mvc.perform(request).andReturn();
            for (String cookie : result.getResponse().getHeaders("Set-Cookie")) {
                if (cookie.startsWith(SESSION_COOKIE + "=")) {
                    String value = cookie.substring(SESSION_COOKIE.length() + 1, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
                    session = value.isEmpty() ? null : value;
                }
            }
            Page page = new Page(result);
            if (!htmx && result.getRequest().getMethod().equals("GET") && page.status() == 200) {
                currentUrl = result.getRequest().getRequestURL().toString()
                        + (result.getRequest().getQueryString() == null ? "" : "?" + result.getRequest().getQueryString());
            }
            return page;
        }
        catch (Exception ex) {
            throw new IllegalStateException("the request failed: " + ex.getMessage(), ex);
        }
    }

    private static String action(Element form) {
        String action = form.attr("action");
        return action.isEmpty() ? "/" : action;
    }

    /** What a browser sends for a form: its named inputs (checked boxes only), selects and text areas. */
    private static Map<String, String> fields(Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<Element> controls = new ArrayList<>(form.select("input[name], textarea[name], select[name]"));
        if (!form.id().isEmpty() && form.ownerDocument() != null) {
            // Controls outside the form that belong to it through their form attribute.
            controls.addAll(form.ownerDocument().select("[form=" + form.id() + "][name]"));
        }
        for (Element input : controls) {
            if (input.hasAttr("disabled")) {
                continue;
            }
            String type = input.attr("type");
            if (List.of("checkbox", "radio").contains(type) && !input.hasAttr("checked")) {
                continue;
            }
            if (type.equals("file")) {
                continue;
            }
            String value = switch (input.tagName()) {
                case "textarea" -> input.text();
                case "select" -> {
                    Element selected = input.selectFirst("option[selected]");
                    yield selected != null ? selected.attr("value") : "";
                }
                default -> input.attr("value");
            };
            fields.put(input.attr("name"), value);
        }
        return fields;
    }
}
