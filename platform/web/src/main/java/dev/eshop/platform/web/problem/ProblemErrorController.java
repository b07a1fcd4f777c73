package dev.eshop.platform.web.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The servlet container's error page ({@code /error}), reached for failures outside Spring MVC: an
 * exception out of a filter, or a status the container set itself. Answers with the same problems
 * as {@link ProblemExceptionHandler}, instead of Boot's default error body.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    private final ProblemExceptionHandler handler;
    private final ProblemResponses problems;

    ProblemErrorController(ProblemExceptionHandler handler, ProblemResponses problems) {
        this.handler = handler;
        this.problems = problems;
    }

    @RequestMapping
    public ResponseEntity<Object> error(HttpServletRequest request, WebRequest webRequest) throws Exception {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Exception ex) {
            return handler.handleAny(unwrap(ex), webRequest);
        }
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
            // Someone asked for /error itself.
            return respond(problems.create(request, ProblemType.NOT_FOUND, "There is nothing at " + request.getRequestURI() + "."));
        }
        HttpStatusCode status = HttpStatusCode.valueOf(code);
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status.value()) {
            case 400 -> "The request is malformed: its URL or headers cannot be accepted.";
            case 404 -> "There is nothing at " + ProblemResponses.instance(request) + ".";
            default -> status.is5xxServerError() ? "Something went wrong on our side. Please try again later."
                    : "The request was rejected with HTTP status " + status.value() + ".";
        };
        ProblemDetail problem = type != null ? problems.create(request, status, type.slug(), type.title(), detail)
                : problems.create(request, status, ProblemType.slugFor(status), ProblemType.titleFor(status), detail);
        return respond(problem);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static Exception unwrap(Exception ex) {
        Exception current = ex;
        while (current instanceof ServletException && current.getCause() instanceof Exception cause) {
            current = cause;
        }
        return current;
    }
}
