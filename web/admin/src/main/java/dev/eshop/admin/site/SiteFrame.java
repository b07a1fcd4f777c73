package dev.eshop.admin.site;

import dev.eshop.admin.payment.Payments;
import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.platform.webapp.client.SignInRequiredException;
import dev.eshop.platform.webapp.security.SignedInUser;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Optional;

/**
 * The frame of every page (spec/ui.md §2.1), reached from the layout as {@code @site.frame()} so
 * error pages get it too. The count of payments awaiting review is read from payment once per full
 * page; when payment does not answer the page still renders, with a plain "Payments".
 */
@Component("site")
public class SiteFrame {

    private static final Logger log = LoggerFactory.getLogger(SiteFrame.class);
    private static final String FRAME = SiteFrame.class.getName() + ".frame";

    private final Payments payments;

    SiteFrame(Payments payments) {
        this.payments = payments;
    }

    public Frame frame() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current)) {
            return new Frame(SignedInUser.current().orElse(null), null, "/");
        }
        HttpServletRequest request = current.getRequest();
        if (request.getAttribute(FRAME) instanceof Frame known) {
            return known;
        }
        Optional<SignedInUser> user = SignedInUser.current();
        Long awaiting = user.filter(SignedInUser::admin).map(admin -> awaitingReview()).orElse(null);
        Frame frame = new Frame(user.orElse(null), awaiting, path(request));
        request.setAttribute(FRAME, frame);
        return frame;
    }

    private Long awaitingReview() {
        try {
            return payments.awaitingReview();
        }
        catch (ServiceProblem | SignInRequiredException ex) {
            // The page renders without the count; the next page asks again.
            log.debug("No count of payments awaiting review: {}", ex.getMessage());
            return null;
        }
    }

    /** The page's path (the requested one on an error page). */
    private static String path(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return failed instanceof String uri ? uri : request.getRequestURI();
    }
}
