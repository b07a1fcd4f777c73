package dev.eshop.platform.webapp.page;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Remembers the trace id of each request, for the "Reference" on error pages. The server span is
 * only current while the observation filter runs; the container's error dispatch comes later.
 * The same id reaches the services (the calls carry the trace), so it finds their log lines too.
 */
public class TraceIds extends OncePerRequestFilter {

    static final String ATTRIBUTE = TraceIds.class.getName() + ".traceId";

    private final Tracer tracer;

    public TraceIds(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceId = current();
        if (traceId != null) {
            request.setAttribute(ATTRIBUTE, traceId);
        }
        chain.doFilter(request, response);
    }

    /** The request's trace id: the remembered one, else the current span's, else {@code null}. */
    public String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String traceId ? traceId : current();
    }

    private String current() {
        Span span = tracer.currentSpan();
        String traceId = span == null ? null : span.context().traceId();
        return traceId == null || traceId.isBlank() ? null : traceId;
    }
}
