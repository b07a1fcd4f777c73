package dev.eshop.platform.webapp;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How a controller tells an htmx request from a plain one: the same URL answers a whole page to
 * a browser and only the changed fragments to htmx.
 */
public final class Htmx {

    private Htmx() {
    }

    /**
     * Whether the request wants fragments. A history restore (back button, page not in htmx's
     * cache) also carries {@code HX-Request} but wants the whole page.
     */
    public static boolean isFragmentRequest(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request")) && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }
}
