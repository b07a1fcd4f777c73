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
 * Files far above the pictures' limit are refused before a controller sees them: the page says
 * what the limit is instead of failing.
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
