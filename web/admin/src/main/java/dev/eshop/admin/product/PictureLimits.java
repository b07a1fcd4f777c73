package dev.eshop.admin.product;

import dev.eshop.platform.webapp.Htmx;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * A product form larger than the container takes ({@code spring.servlet.multipart.max-request-size})
 * is turned away before anything reads it: the container would refuse it while the security filters
 * look for the form's CSRF token, so no page could answer and the admin would get a bare error page.
 * Instead they go back to the form, where the limit is said next to the pictures; what was typed
 * cannot be kept, as the form is never read. htmx sends the token in a header, so there the form is
 * read only by the page, and {@code UploadLimits} says the limit above the form as it was.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class PictureLimits extends OncePerRequestFilter {

    /** The flash attribute that carries the problem to the form. */
    static final String PROBLEM = "pictureProblem";

    private static final Pattern PRODUCT_FORM = Pattern.compile("/products/(new|[0-9a-fA-F-]{36}/edit)");

    private final long largestForm;
    private final String tooLarge;

    PictureLimits(MultipartProperties multipart) {
        this.largestForm = multipart.getMaxRequestSize().toBytes();
        this.tooLarge = "The pictures are larger than " + multipart.getMaxRequestSize().toMegabytes()
                + " MB together, so nothing was saved. " + ProductController.PICTURE_LIMITS;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || Htmx.isFragmentRequest(request)
                || !PRODUCT_FORM.matcher(request.getRequestURI()).matches() || request.getContentLengthLong() <= largestForm;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The form page has the form's own address.
        String form = request.getRequestURI();
        // Only a signed-in admin has a session to carry the message; anyone else is asked to sign in by the form page.
        if (request.getSession(false) != null) {
            FlashMap flash = new FlashMap();
            flash.put(PROBLEM, tooLarge);
            flash.setTargetRequestPath(form);
            new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
        }
        response.sendRedirect(form);
    }
}
