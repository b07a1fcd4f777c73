package dev.eshop.admin.site;

import dev.eshop.platform.webapp.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.io.IOException;

/**
 * How a page answers a form (spec/ui.md §0.1): after a change, post/redirect/get to the page that
 * shows the result with a flash message (for htmx, the same page loaded whole, the message carried
 * the same way); when the change was refused, the form again with its errors and the entered values,
 * whole or, for htmx, just the form.
 */
public final class Outcomes {

    private Outcomes() {
    }

    /** Done: on to {@code location}, which says {@code message} in its status region. */
    public static Object done(String location, String message, HttpServletRequest request, HttpServletResponse response) {
        return to(location, "message", message, request, response);
    }

    /** Not done, and nothing to show but a sentence: back to {@code location}, which says {@code alert}. */
    public static Object refused(String location, String alert, HttpServletRequest request, HttpServletResponse response) {
        return to(location, "alert", alert, request, response);
    }

    /** {@link #refused} for a handler that writes its own response (a download): the redirect is sent here. */
    public static void sendRefused(String location, String alert, HttpServletRequest request, HttpServletResponse response) throws IOException {
        RequestContextUtils.getOutputFlashMap(request).put("alert", alert);
        RequestContextUtils.saveOutputFlashMap(location, request, response);
        response.sendRedirect(location);
    }

    /** The page again (or for htmx its fragment), with the status the service gave. */
    public static ModelAndView again(String view, String fragment, HttpStatus status, HttpServletRequest request) {
        return new ModelAndView(Htmx.isFragmentRequest(request) ? view + " :: " + fragment : view, status);
    }

    private static Object to(String location, String key, String text, HttpServletRequest request, HttpServletResponse response) {
        RequestContextUtils.getOutputFlashMap(request).put(key, text);
        if (Htmx.isFragmentRequest(request)) {
            // A change can touch more than the form (lists, counts): htmx loads the resulting page whole.
            RequestContextUtils.saveOutputFlashMap(location, request, response);
            return ResponseEntity.noContent().header("HX-Redirect", location).build();
        }
        return "redirect:" + location;
    }
}
