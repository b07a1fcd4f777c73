package dev.eshop.storefront.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.eshop.platform.webapp.security.SignedInUser;
import dev.eshop.storefront.StorefrontSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The browsing pages as a visitor sees them (home, catalogue, category and product pages), kept for
 * {@code eshop.storefront.page-cache-ttl} (5 s) and served to the next visitors without asking
 * product or rendering again: under load each page is rendered a few times a minute instead of on
 * every request.
 * <p>
 * Safe because such a page is the same for every visitor: it is kept only for a GET of the whole
 * page by someone signed out and without a session (so no flash message, no CSRF token, nothing of
 * theirs on it), and only when it was a complete 200 that started no session: a page rendered
 * without a part whose service did not answer ({@link #doNotKeep}) is not served again, so the next
 * visitor gets the whole page once the service is back. Signed-in customers always get
 * a fresh page (their cart badge, their stock after an order). Prices and stock may show a few
 * seconds late to visitors; checkout quotes and reservations decide anyway.
 */
@Component
public class VisitorPageCache extends OncePerRequestFilter {

    private static final String INCOMPLETE = VisitorPageCache.class.getName() + ".incomplete";

    /** The browsing pages; not the cart, checkout, orders or account, which need a signed-in customer anyway. */
    private static final Pattern BROWSING = Pattern.compile("/|/products|/products/[0-9a-fA-F-]{36}|/category/[a-z0-9-]+");
    /** Enough for every page of the demo shop many times over; big pages take more of it. */
    private static final long MAX_BYTES = 16 * 1024 * 1024;

    private final Cache<String, Page> pages;

    VisitorPageCache(StorefrontSettings settings) {
        this.pages = settings.pageCacheTtl().isPositive()
                ? Caffeine.newBuilder().expireAfterWrite(settings.pageCacheTtl()).maximumWeight(MAX_BYTES)
                        .<String, Page>weigher((key, page) -> page.body().length + key.length()).build()
                : null;
    }

    /** Keeps this request's page from other visitors: part of it is missing because a service did not answer. */
    public static void doNotKeep(HttpServletRequest request) {
        request.setAttribute(INCOMPLETE, true);
    }

    /** A rendered page: its content type and bytes. */
    private record Page(String contentType, byte[] body) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return pages == null || !"GET".equals(request.getMethod()) || !BROWSING.matcher(request.getRequestURI()).matches()
                // htmx asks for fragments of these pages (results, history restores): not the page kept here.
                || request.getHeader("HX-Request") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!forVisitor(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getQueryString() == null ? request.getRequestURI() : request.getRequestURI() + "?" + request.getQueryString();
        Page kept = pages.getIfPresent(key);
        if (kept != null) {
            response.setContentType(kept.contentType());
            response.setContentLength(kept.body().length);
            response.getOutputStream().write(kept.body());
            return;
        }
        ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, rendering);
        String type = rendering.getContentType();
        if (rendering.getStatus() == HttpServletResponse.SC_OK && type != null && type.startsWith("text/html")
                && request.getAttribute(INCOMPLETE) == null && request.getSession(false) == null
                && rendering.getHeader(HttpHeaders.SET_COOKIE) == null) {
            pages.put(key, new Page(type, rendering.getContentAsByteArray()));
        }
        rendering.copyBodyToResponse();
    }

    /** Signed out and without a session: nothing on the page can be theirs alone. */
    private static boolean forVisitor(HttpServletRequest request) {
        return SignedInUser.current().isEmpty() && request.getSession(false) == null;
    }
}
