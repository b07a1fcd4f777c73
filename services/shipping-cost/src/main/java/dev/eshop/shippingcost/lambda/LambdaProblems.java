package dev.eshop.shippingcost.lambda;

import dev.eshop.platform.web.ZipCode;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import dev.eshop.platform.web.problem.MalformedRequestException;
import dev.eshop.platform.web.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.function.context.catalog.FunctionAroundWrapper;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives a Lambda caller the same 400 problems an HTTP caller gets. Around each invocation through the
 * function catalog (that is, {@code FunctionInvoker}'s) it reads the request body the way Spring MVC
 * does, and turns a client's mistake into a message with header {@code statusCode} and an RFC 9457
 * body, which the AWS adapter makes the API Gateway response.
 * <p>
 * Without it a {@link ProblemException} from the function, or a body that does not fit its input,
 * would leave {@code FunctionInvoker} as an exception, and API Gateway would answer 502 with nothing
 * the caller can act on. The HTTP controller calls the function directly and gets the platform's
 * problem handling instead. Declaring this wrapper replaces Spring Cloud Function's observation
 * wrapper (no exporter on Lambda anyway); the system property
 * {@code spring.cloud.function.observability.enabled=false} would switch both off, so do not set it.
 */
@Component
class LambdaProblems extends FunctionAroundWrapper {

    private static final Logger log = LoggerFactory.getLogger(LambdaProblems.class);

    /** Set by the AWS adapter on a message made from an API Gateway proxy event. */
    private static final String API_GATEWAY_HEADER = "aws-api-gateway";

    private final JsonMapper jsonMapper;
    private final String problemsBaseUri;

    LambdaProblems(JsonMapper jsonMapper, @Value("${eshop.problems.base-uri}") String problemsBaseUri) {
        this.jsonMapper = jsonMapper;
        this.problemsBaseUri = problemsBaseUri;
    }

    @Override
    protected Object doApply(Object input, FunctionInvocationWrapper function) {
        try {
            return function.apply(readBody(input, function));
        }
        catch (RuntimeException e) {
            ProblemException problem = problemFor(e, function);
            if (problem == null) {
                throw e; // a bug: let Lambda report it as the function's error
            }
            return problemMessage(problem);
        }
    }

    /**
     * Reads the request into the function's input type with the service's JSON mapper, as Spring MVC
     * does over HTTP. Left to Spring Cloud Function, a body that does not fit (a zip code as a number,
     * broken JSON) would reach the function as an empty request and be misreported.
     */
    private Object readBody(Object input, FunctionInvocationWrapper function) {
        if (!(input instanceof Message<?> message && message.getPayload() instanceof byte[] payload
                && function.getInputType() instanceof Class<?> type && type.isRecord())) {
            return input;
        }
        byte[] body = Boolean.TRUE.equals(message.getHeaders().get(API_GATEWAY_HEADER)) ? apiGatewayBody(payload) : payload;
        Object request = body.length == 0 ? null : jsonMapper.readValue(body, type);
        if (request == null) {
            throw new MalformedRequestException("The request body is missing.");
        }
        return request;
    }

    /** The HTTP body inside an API Gateway proxy event (REST API v1 or HTTP API v2: both have these two members). */
    private byte[] apiGatewayBody(byte[] event) {
        JsonNode tree = jsonMapper.readTree(event);
        JsonNode body = tree.path("body");
        if (!body.isString()) {
            return new byte[0];
        }
        return tree.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body.stringValue())
                : body.stringValue().getBytes(StandardCharsets.UTF_8);
    }

    /** The client's mistake in the exception, or {@code null} if it is not one. */
    private static ProblemException problemFor(RuntimeException e, FunctionInvocationWrapper function) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem;
            }
            if (cause instanceof MismatchedInputException mismatch && isZipCode(mismatch, function)) {
                // A zip code sent as a JSON number: a field error like any other bad zip code, as over HTTP.
                return new InvalidFieldsException(jsonPath(mismatch), ZipCode.MESSAGE);
            }
            if (cause instanceof JacksonException unreadable) {
                String field = jsonPath(unreadable);
                return new MalformedRequestException(field.isEmpty() ? "The request body is not valid JSON."
                        : "The field '" + field + "' has the wrong type.");
            }
        }
        return null;
    }

    private static boolean isZipCode(MismatchedInputException mismatch, FunctionInvocationWrapper function) {
        if (mismatch.getPath().isEmpty() || !(function.getInputType() instanceof Class<?> input) || !input.isRecord()) {
            return false;
        }
        String property = mismatch.getPath().getLast().getPropertyName();
        for (RecordComponent component : input.getRecordComponents()) {
            Field field = fieldOf(input, component);
            if (field != null && field.isAnnotationPresent(ZipCode.class) && snakeCase(component.getName()).equals(property)) {
                return true;
            }
        }
        return false;
    }

    private static Field fieldOf(Class<?> type, RecordComponent component) {
        try {
            return type.getDeclaredField(component.getName());
        }
        catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static String snakeCase(String name) {
        return PropertyNamingStrategies.SNAKE_CASE.nameForField(null, null, name);
    }

    private static String jsonPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The RFC 9457 document the HTTP service would answer, as the function's response. */
    private Message<byte[]> problemMessage(ProblemException problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problemsBaseUri + problem.slug());
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        body.put("instance", "/shipping-cost"); // the function's only route
        body.putAll(problem.members());
        log.info("{} {}: {}", problem.status().value(), problem.slug(), problem.detail());
        return MessageBuilder.withPayload(jsonMapper.writeValueAsBytes(body))
                .setHeader("statusCode", problem.status().value())
                .setHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .build();
    }
}
