package dev.eshop.platform.web.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * Around every request that carries {@code Idempotency-Key}: keeps a copy of the raw body (except
 * multipart and urlencoded forms, which the container parses and the hash reads part by part) and
 * buffers the response. When the {@link IdempotencyInterceptor} claimed a record for the request,
 * a 2xx answer is stored in it after the handler has finished; anything else (4xx, 5xx, an
 * exception) deletes it, so the client may correct the request and retry with the same key.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    /** The record this request owns. */
    record Claim(String scope, String key, Instant createdAt) {
    }

    private final IdempotencyStore store;

    IdempotencyFilter(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(IdempotencyInterceptor.HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest wrappedRequest = parsedByContainer(request) ? request : new CachedBodyRequest(request);
        ContentCachingResponseWrapper wrappedResponse = new ContentCachingResponseWrapper(response);
        boolean keepRecord = false;
        try {
            chain.doFilter(wrappedRequest, wrappedResponse);
            Claim claim = (Claim) request.getAttribute(CLAIM);
            int status = wrappedResponse.getStatus();
            if (claim != null && status >= 200 && status < 300) {
                keepRecord = true; // the handler acted: never delete its record, or a retry would act again
                store(claim, wrappedResponse);
            }
        }
        finally {
            Claim claim = (Claim) request.getAttribute(CLAIM);
            if (claim != null && !keepRecord) {
                try {
                    store.abandon(claim.scope(), claim.key(), claim.createdAt());
                }
                catch (RuntimeException e) {
                    log.warn("Could not delete the idempotency record of {}; it is taken over after the in-progress timeout: {}",
                            claim.scope(), e.toString());
                }
            }
            wrappedResponse.copyBodyToResponse();
        }
    }

    private void store(Claim claim, ContentCachingResponseWrapper response) {
        String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        try {
            if (!store.complete(claim.scope(), claim.key(), claim.createdAt(), response.getStatus(), StoredResponse.headers(response), body)) {
                log.warn("The idempotency record of {} was taken over before the request finished; its answer is not stored",
                        claim.scope());
            }
        }
        catch (RuntimeException e) {
            // The answer still goes out; the record stays in progress until the in-progress timeout.
            log.error("Could not store the answer of an idempotent request of {}", claim.scope(), e);
        }
    }

    private static boolean parsedByContainer(HttpServletRequest request) {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        return contentType.startsWith("multipart/") || contentType.startsWith("application/x-www-form-urlencoded");
    }
}
