package dev.eshop.admin.site;

import dev.eshop.platform.webapp.page.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A form larger than the container takes ({@code spring.servlet.multipart.max-request-size}), sent
 * by htmx, is refused when the page reads it (htmx sends the CSRF token in a header, so nothing reads
 * the form before): the limit is said above the form, which keeps what was typed. Without htmx the
 * product form's {@code PictureLimits} turns it away before the security filters.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimits {

    static final String TOO_LARGE = "The files are too large. Pictures can be JPEG, PNG or WebP, up to 5 MB each, 8 at most.";

    private final ErrorPages errorPages;

    UploadLimits(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request) {
        return errorPages.page(request, HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, null);
    }
}
