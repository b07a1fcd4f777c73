package dev.eshop.platform.webapp.page;

import dev.eshop.platform.webapp.Htmx;
import dev.eshop.platform.webapp.client.ServiceProblem;
import dev.eshop.platform.webapp.client.SignInRequiredException;
import dev.eshop.platform.webapp.security.SignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * Problems the controllers did not show in place (spec/ui.md §0.4): 401 signs the user in again and
 * returns to the page, 403 and 404 are their pages, a service that does not answer is the 503
 * page, and every page shows "Reference: {trace id}". For htmx the same message goes into the
 * page's {@code #messages} region instead, so the rest of the page stays.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ErrorPages {

    public static final String FORBIDDEN = "You don't have access to this page.";
    public static final String NOT_FOUND = "We couldn't find that page.";
    public static final String NOT_RESPONDING = ServiceProblem.NOT_RESPONDING;
    public static final String BROKEN = "Something went wrong on our side. Please try again later.";
    public static final String REFUSED = "That request could not be completed.";

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final TraceIds traceIds;

    public ErrorPages(TraceIds traceIds) {
        this.traceIds = traceIds;
    }

    @ExceptionHandler(ServiceProblem.class)
    ModelAndView serviceProblem(ServiceProblem problem, HttpServletRequest request) {
        HttpStatus status = switch (problem.status()) {
            case 403 -> HttpStatus.FORBIDDEN;
            case 404 -> HttpStatus.NOT_FOUND;
            case 503 -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.resolve(problem.status()) != null && problem.status() < 500
                    ? HttpStatus.valueOf(problem.status()) : HttpStatus.SERVICE_UNAVAILABLE;
        };
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            log.warn("{} did not answer: {}", problem.service(), problem.getMessage());
        }
        String message = switch (status) {
            case FORBIDDEN -> FORBIDDEN;
            case NOT_FOUND -> NOT_FOUND;
            case SERVICE_UNAVAILABLE -> NOT_RESPONDING;
            default -> problem.detail();
        };
        return page(request, status, message, problem.traceId());
    }

    /** A controller's "there is no such page" (or another status it chose). */
    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(ResponseStatusException ex, HttpServletRequest request) {
        HttpStatus status = HttpStatus.resolve(ex.getStatusCode().value());
        status = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        return page(request, status, messageFor(status.value()), null);
    }

    /** A path that names something by a malformed id names nothing: the 404 page; a malformed parameter is a 400. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView malformed(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
        boolean pathVariable = ex.getParameter().hasParameterAnnotation(PathVariable.class);
        HttpStatus status = pathVariable ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return page(request, status, messageFor(status.value()), null);
    }

    /** The tokens no longer work: forget them, sign in again, and come back to this page. */
    @ExceptionHandler(SignInRequiredException.class)
    ModelAndView signInAgain(SignInRequiredException ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.info("Signing the user in again: {}", ex.getMessage());
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SignIn.redirectToSignIn(request, response);
        return new ModelAndView();
    }

    /**
     * The error page for a status (or, for htmx, the message in {@code #messages}), with the given
     * message and reference (the request's own trace id when {@code traceId} is null).
     */
    public ModelAndView page(HttpServletRequest request, HttpStatus status, String message, String traceId) {
        Map<String, Object> model = Map.of("status", status.value(), "message", message,
                "traceId", traceId != null ? traceId : Objects.toString(traceIds.of(request), ""));
        if (Htmx.isFragmentRequest(request) && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
                && current.getResponse() != null) {
            current.getResponse().setHeader("HX-Retarget", "#messages");
            current.getResponse().setHeader("HX-Reswap", "innerHTML");
            return new ModelAndView("error/inline", model, HttpStatus.OK);
        }
        return new ModelAndView(viewFor(status.value()), model, status);
    }

    /** {@code error/403}, {@code error/404}, {@code error/503}, {@code error/500} for other 5xx, {@code error/4xx} for other 4xx. */
    public static String viewFor(int status) {
        return switch (status) {
            case 403, 404, 503 -> "error/" + status;
            default -> status >= 500 ? "error/500" : "error/4xx";
        };
    }

    /** What an error page says for a status that came from the servlet container or Spring MVC itself. */
    public static String messageFor(int status) {
        return switch (status) {
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 503 -> NOT_RESPONDING;
            default -> status >= 500 ? BROKEN : REFUSED;
        };
    }
}
