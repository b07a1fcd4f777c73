package dev.eshop.platform.testing.web;

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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import jakarta.servlet.http.Cookie;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A browser for the page tests: keeps the session cookie, follows no redirect by itself, and submits
 * a page's forms with what they hold (hidden fields and the CSRF token included), like a browser
 * without JavaScript; {@link #htmx()} makes the requests htmx makes instead.
 */
public final class Visitor {

    /** One answer: status, redirect target, headers and the HTML parsed by jsoup. */
    public record Page(MvcResult result) {

        public int status() {
            return result.getResponse().getStatus();
        }

        public String redirect() {
            return result.getResponse().getRedirectedUrl();
        }

        public String header(String name) {
            return result.getResponse().getHeader(name);
        }

        public String html() {
            try {
                return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }

        public Document document() {
            return Jsoup.parse(html(), "http://localhost/");
        }

        /** The text a person reads (whitespace collapsed). */
        public String text() {
            return document().text();
        }

        public Element one(String css) {
            Element element = document().selectFirst(css);
            if (element == null) {
                throw new AssertionError("no " + css + " on the page:\n" + html());
            }
            return element;
        }

        /** The form a CSS selector names (the form itself, or the first form inside it). */
        public Element form(String css) {
            Element element = one(css);
            return element.tagName().equals("form") ? element : element.selectFirst("form");
        }
    }

    private final MockMvc mvc;
    private final String sessionCookie;
    private String session;
    private boolean htmx;
    private boolean historyRestore;
    private String currentUrl = "http://localhost/";

    /**
     * @param sessionCookie the web app's session cookie name
     * @param session       the session it starts with (a signed-in one), or null
     */
    public Visitor(MockMvc mvc, String sessionCookie, String session) {
        this.mvc = mvc;
        this.sessionCookie = sessionCookie;
        this.session = session;
    }

    /** The same visitor, making its requests as htmx does ({@code HX-Request}). */
    public Visitor htmx() {
        Visitor copy = new Visitor(mvc, sessionCookie, session);
        copy.htmx = true;
        copy.currentUrl = currentUrl;
        return copy;
    }

    /** The same visitor, reloading a page htmx had pushed to the history but no longer holds (the back button). */
    public Visitor restoringHistory() {
        Visitor copy = htmx();
        copy.historyRestore = true;
        return copy;
    }

    /** The page htmx says it is on ({@code HX-Current-URL}). */
    public Visitor on(String path) {
        this.currentUrl = "http://localhost" + path;
        return this;
    }

    public String session() {
        return session;
    }

    public Page get(String url) {
        return perform(MockMvcRequestBuilders.get(url));
    }

    /** A GET of a URI template, its variables encoded as a browser would. */
    public Page get(String template, Object... variables) {
        return perform(MockMvcRequestBuilders.get(template, variables));
    }

    /** Submits a form as it is (by its method: a filter form GETs), with some fields changed. */
    public Page submit(Element form, Map<String, String> changes) {
        MultiValueMap<String, String> fields = fields(form);
        changes.forEach((name, value) -> {
            if (value == null) {
                fields.remove(name);
            }
            else {
                fields.set(name, value);
            }
        });
        boolean get = form.attr("method").equalsIgnoreCase("get");
        MockHttpServletRequestBuilder request = get ? MockMvcRequestBuilders.get(action(form)) : MockMvcRequestBuilders.post(action(form));
        // A GET form's fields travel in the query string, where the app reads its URL from.
        fields.forEach((name, values) -> {
            if (get) {
                request.queryParam(name, values.toArray(String[]::new));
            }
            else {
                request.param(name, values.toArray(String[]::new));
            }
        });
        return perform(request);
    }

    public Page submit(Element form) {
        return submit(form, Map.of());
    }

    /** Posts to a URL with exactly these parameters (no CSRF token unless given). */
    public Page post(String url, Map<String, String> params) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(url);
        params.forEach(request::param);
        return perform(request);
    }

    /** Submits a multipart form with a file. */
    public Page upload(Element form, String fileField, byte[] bytes, String contentType, Map<String, String> changes) {
        MockMultipartHttpServletRequestBuilder request = MockMvcRequestBuilders.multipart(action(form));
        if (bytes != null) {
            request.file(new MockMultipartFile(fileField, "receipt.jpg", contentType, bytes));
        }
        MultiValueMap<String, String> fields = fields(form);
        fields.remove(fileField);
        changes.forEach((name, value) -> {
            if (value == null) {
                fields.remove(name);
            }
            else {
                fields.set(name, value);
            }
        });
        fields.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
        return perform(request);
    }

    /** Submits a multipart form with files in several file inputs (none chosen for the others). */
    public Page upload(Element form, List<MockMultipartFile> files, Map<String, String> changes) {
        MockMultipartHttpServletRequestBuilder request = MockMvcRequestBuilders.multipart(action(form));
        files.forEach(request::file);
        MultiValueMap<String, String> fields = fields(form);
        changes.forEach((name, value) -> {
            if (value == null) {
                fields.remove(name);
            }
            else {
                fields.set(name, value);
            }
        });
        fields.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
        return perform(request);
    }

    private Page perform(AbstractMockHttpServletRequestBuilder<?> request) {
        if (session != null) {
            request.cookie(new Cookie(sessionCookie, session));
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
                if (cookie.startsWith(sessionCookie + "=")) {
                    String value = cookie.substring(sessionCookie.length() + 1, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
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

    /** What a browser sends for a form: its named inputs (checked boxes only), selects (each selected option) and text areas. */
    private static MultiValueMap<String, String> fields(Element form) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
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
            if (type.equals("file") || List.of("submit", "button").contains(type)) {
                continue;
            }
            String name = input.attr("name");
            switch (input.tagName()) {
                case "textarea" -> fields.add(name, input.wholeText());
                case "select" -> {
                    List<Element> selected = input.select("option[selected]");
                    if (selected.isEmpty() && !input.hasAttr("multiple") && input.selectFirst("option") != null) {
                        // A browser sends the first option when none is marked selected.
                        selected = List.of(input.selectFirst("option"));
                    }
                    selected.forEach(option -> fields.add(name, option.hasAttr("value") ? option.attr("value") : option.text()));
                }
                default -> fields.add(name, input.attr("value"));
            }
        }
        return fields;
    }
}
