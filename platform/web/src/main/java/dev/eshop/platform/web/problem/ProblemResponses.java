package dev.eshop.platform.web.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the platform's problem documents ({@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance}, {@code trace_id}) and writes them where Spring MVC is not
 * involved (security filters).
 */
public class ProblemResponses {

    public static final String TRACE_ID = "trace_id";

    private final ProblemProperties properties;
    private final TraceIds traceIds;
    private final JsonMapper jsonMapper;

    ProblemResponses(ProblemProperties properties, TraceIds traceIds, JsonMapper jsonMapper) {
        this.properties = properties;
        this.traceIds = traceIds;
        this.jsonMapper = jsonMapper;
    }

    public ProblemDetail create(HttpServletRequest request, ProblemType type, String detail) {
        return create(request, type.status(), type.slug(), type.title(), detail);
    }

    public ProblemDetail create(HttpServletRequest request, HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(properties.type(slug));
        problem.setTitle(title);
        problem.setInstance(instance(request));
        String traceId = traceIds.of(request);
        if (traceId != null) {
            problem.setProperty(TRACE_ID, traceId);
        }
        return problem;
    }

    /** Whether the problem was made here (its type is under {@code eshop.problems.base-uri}). */
    public boolean isPlatformProblem(ProblemDetail problem) {
        return problem.getType() != null && problem.getType().toString().startsWith(properties.baseUri().toString());
    }

    /** Writes the problem as {@code application/problem+json}, for code outside Spring MVC. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE); // JSON is UTF-8, no charset parameter
        jsonMapper.writeValue(response.getOutputStream(), asMap(problem));
    }

    /** The path the client asked for, also on the container's error dispatch. */
    static URI instance(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original instanceof String uri ? uri : request.getRequestURI();
        try {
            return URI.create(path); // the request URI is still percent-encoded
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
