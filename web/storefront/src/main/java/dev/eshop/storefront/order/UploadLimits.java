package dev.eshop.storefront.order;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A receipt far above payment's 2 MB limit is turned away before anything reads the form. The
 * servlet container refuses files over {@code spring.servlet.multipart.max-file-size} while the
 * security filters look for the form's CSRF token, so no controller (nor controller advice) would
 * see the upload, and the customer would get a bare error page. Instead they go back to the order,
 * where the limit is said next to the file input, as for payment's own refusal. A request larger
 * than that limit certainly holds a file over 2 MB; the container still reads it to its end
 * ({@code server.tomcat.max-swallow-size}), so the browser gets the answer.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class UploadLimits extends OncePerRequestFilter {

    static final String TOO_LARGE = "The file is larger than 2 MB.";

    /** The flash attribute that carries the problem to the order page. */
    static final String PROBLEM = "uploadProblem";

    private static final Pattern PROOF_UPLOAD = Pattern.compile("/orders/([0-9a-fA-F-]{36})/payment");

    private final long largestRequest;

    UploadLimits(MultipartProperties multipart) {
        this.largestRequest = multipart.getMaxFileSize().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !PROOF_UPLOAD.matcher(request.getRequestURI()).matches()
                || request.getContentLengthLong() <= largestRequest;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher proof = PROOF_UPLOAD.matcher(request.getRequestURI());
        proof.matches();
        String order = "/orders/" + proof.group(1);
        // Only a signed-in customer has a session to carry the message; anyone else is asked to sign in by the order page.
        if (request.getSession(false) != null) {
            FlashMap flash = new FlashMap();
            flash.put(PROBLEM, TOO_LARGE);
            flash.setTargetRequestPath(order);
            new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
        }
        response.sendRedirect(request.getContextPath() + order);
    }
}
