package dev.eshop.platform.web.problem;

import dev.eshop.platform.web.ZipCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.MethodValidationException;
import org.springframework.validation.method.MethodValidationResult;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Answers every exception that leaves a controller with an RFC 9457 problem: Spring MVC's own
 * (through {@link ResponseEntityExceptionHandler}), Bean Validation's, Spring Security's,
 * {@link ProblemException} and its subclasses, and anything else as 500 {@code internal}
 * (logged, no stack trace in the answer). Client mistakes never come out as 500.
 * <p>
 * It has the lowest precedence, so a service's own {@code @RestControllerAdvice} for a
 * particular exception wins.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemResponses problems;
    private final JsonNames jsonNames;
    private final LongSupplier configuredMaxUploadBytes;

    ProblemExceptionHandler(ProblemResponses problems, JsonNames jsonNames, LongSupplier configuredMaxUploadBytes) {
        this.problems = problems;
        this.jsonNames = jsonNames;
        this.configuredMaxUploadBytes = configuredMaxUploadBytes;
    }

    /**
     * The problem for any exception, also one thrown outside Spring MVC (a servlet filter), which
     * the error controller passes here.
     */
    public ResponseEntity<Object> handleAny(Exception ex, WebRequest request) throws Exception {
        return switch (ex) {
            case ProblemException problem -> handleProblem(problem, request);
            case ConstraintViolationException violations -> handleConstraintViolations(violations, request);
            case JwtDecoderInitializationException issuerDown -> handleIssuerUnavailable(issuerDown, request);
            case AuthenticationServiceException issuerDown -> handleIssuerUnavailable(issuerDown, request);
            case AuthenticationException unauthenticated -> handleAuthentication(unauthenticated, request);
            case AccessDeniedException denied -> handleAccessDenied(denied, request);
            case ErrorResponse _, TypeMismatchException _, HttpMessageNotReadableException _ -> handleException(ex, request);
            default -> handleUnexpected(ex, request);
        };
    }

    @ExceptionHandler(ProblemException.class)
    public ResponseEntity<Object> handleProblem(ProblemException ex, WebRequest request) {
        ProblemDetail problem = problems.create(servletRequest(request), ex.status(), ex.slug(), ex.title(), ex.detail());
        ex.members().forEach(problem::setProperty);
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(ex.headers());
        if (ex.status().is5xxServerError()) {
            log.warn("{} {}: {}", ex.status().value(), ex.slug(), ex.detail(), ex.getCause());
        }
        return handleExceptionInternal(ex, problem, headers, ex.status(), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Object> handleConstraintViolations(ConstraintViolationException ex, WebRequest request) {
        if (ex.getConstraintViolations().stream().anyMatch(ProblemExceptionHandler::isReturnValue)) {
            return handleUnexpected(ex, request); // the service broke its own contract
        }
        List<FieldViolation> errors = ex.getConstraintViolations().stream()
                .map(violation -> new FieldViolation(jsonPath(violation.getPropertyPath()), violation.getMessage()))
                .toList();
        return validationProblem(ex, errors, new HttpHeaders(), request);
    }

    @ExceptionHandler(AuthenticationException.class)
    public ResponseEntity<Object> handleAuthentication(AuthenticationException ex, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        ProblemDetail problem = problems.create(servletRequest(request), ProblemType.UNAUTHENTICATED,
                "This request needs a valid access token (Authorization: Bearer ...).");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.UNAUTHORIZED, request);
    }

    /** Method security ({@code @PreAuthorize}) denials: 401 for an anonymous caller, else 403. */
    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()) {
            return handleAuthentication(new InsufficientAuthenticationException(ex.getMessage(), ex), request);
        }
        ProblemDetail problem = problems.create(servletRequest(request), ProblemType.FORBIDDEN,
                "Your account may not do this: it lacks the role or scope this needs.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    /** The token issuer (its discovery document or keys) could not be reached, so no token can be checked. */
    @ExceptionHandler({JwtDecoderInitializationException.class, AuthenticationServiceException.class})
    public ResponseEntity<Object> handleIssuerUnavailable(RuntimeException ex, WebRequest request) {
        return handleProblem(new DependencyUnavailableException("issuer", DependencyUnavailableException.DEFAULT_RETRY_AFTER,
                "The access token cannot be checked right now because the token issuer did not answer. Please try again shortly.",
                ex), request);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        HttpServletRequest servletRequest = servletRequest(request);
        log.error("Unexpected error on {} {}", servletRequest.getMethod(), ProblemResponses.instance(servletRequest), ex);
        ProblemDetail problem = problems.create(servletRequest, ProblemType.INTERNAL,
                "Something went wrong on our side. Please try again later; if it keeps happening, report the trace id.");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    // Spring MVC's exceptions

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return validationProblem(ex, violations(ex.getBindingResult(), ""), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validationProblem(ex, violations(ex), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodValidationException(MethodValidationException ex, HttpHeaders headers,
            HttpStatus status, WebRequest request) {
        if (ex.isForReturnValue()) {
            return handleUnexpected(ex, request);
        }
        return validationProblem(ex, violations(ex), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof MismatchedInputException mismatch && isZipCode(mismatch.getPath())) {
            // A zip code sent as a JSON number is a field error like any other bad zip code (spec §0.2).
            return validationProblem(ex, List.of(new FieldViolation(jsonPath(mismatch.getPath()), ZipCode.MESSAGE)), headers, request);
        }
        return malformed(ex, unreadableDetail(ex), headers, request);
    }

    private boolean isZipCode(List<JacksonException.Reference> path) {
        if (path.isEmpty()) {
            return false;
        }
        JacksonException.Reference last = path.getLast();
        Object from = last.from();
        Class<?> owner = from instanceof Class<?> type ? type : from != null ? from.getClass() : null;
        if (owner == null || last.getPropertyName() == null) {
            return false;
        }
        for (Field field : owner.getDeclaredFields()) {
            if (field.isAnnotationPresent(ZipCode.class) && jsonNames.name(field.getName()).equals(last.getPropertyName())) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String detail;
        if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
            detail = "The %s '%s' must be %s (got '%s').".formatted(kind(mismatch.getParameter()), mismatch.getName(),
                    describe(mismatch.getRequiredType()), mismatch.getValue());
        }
        else {
            detail = "The value '%s' of '%s' must be %s.".formatted(ex.getValue(), ex.getPropertyName(),
                    describe(ex.getRequiredType()));
        }
        return malformed(ex, detail, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return malformed(ex, "The query parameter '%s' is required.".formatted(ex.getParameterName()), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return malformed(ex, "The multipart request needs a part named '%s'.".formatted(ex.getRequestPartName()), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex instanceof MissingRequestHeaderException missing
                ? "The header '%s' is required.".formatted(missing.getHeaderName())
                : "The request is missing something it needs: " + ex.getMessage();
        return malformed(ex, detail, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return notFound(ex, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return notFound(ex, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String allowed = ex.getSupportedHttpMethods() == null ? ""
                : ex.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", "));
        String detail = "%s is not allowed on %s%s.".formatted(ex.getMethod(), ProblemResponses.instance(servletRequest(request)),
                allowed.isEmpty() ? "" : "; allowed: " + allowed);
        ProblemDetail problem = problems.create(servletRequest(request), ProblemType.METHOD_NOT_ALLOWED, detail);
        return handleExceptionInternal(ex, problem, headers, ProblemType.METHOD_NOT_ALLOWED.status(), request); // headers carry Allow
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<String> accepted = ex.getSupportedMediaTypes().stream().map(MediaType::toString).toList();
        String sent = ex.getContentType() == null ? "none" : "'" + ex.getContentType() + "'";
        String detail = "The content type %s is not accepted here; send %s.".formatted(sent,
                accepted.isEmpty() ? "another one" : String.join(" or ", accepted));
        ProblemDetail problem = problems.create(servletRequest(request), ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
        problem.setProperty("accepted", accepted);
        return handleExceptionInternal(ex, problem, headers, ProblemType.UNSUPPORTED_MEDIA_TYPE.status(), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "None of the media types in the Accept header can be produced here; ask for "
                + ex.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(" or ")) + ".";
        ProblemDetail problem = problems.create(servletRequest(request), ProblemType.NOT_ACCEPTABLE, detail);
        return handleExceptionInternal(ex, problem, headers, ProblemType.NOT_ACCEPTABLE.status(), request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        long maxBytes = maxUploadBytes(ex);
        if (maxBytes > 0) {
            return handleProblem(new PayloadTooLargeException(maxBytes), request);
        }
        ProblemDetail problem = problems.create(servletRequest(request), ProblemType.PAYLOAD_TOO_LARGE,
                "The upload is larger than this service accepts.");
        return handleExceptionInternal(ex, problem, headers, ProblemType.PAYLOAD_TOO_LARGE.status(), request);
    }

    /** Everything else Spring MVC raises (e.g. {@code ResponseStatusException}): its status and detail, our type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && problems.isPlatformProblem(problem)) {
            return super.handleExceptionInternal(ex, problem, headers, status, request);
        }
        if (status.is5xxServerError() && status.value() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return handleUnexpected(ex, request);
        }
        String detail = body instanceof ProblemDetail spring && spring.getDetail() != null ? spring.getDetail() : ex.getMessage();
        ProblemType type = ProblemType.forStatus(status);
        ProblemDetail problem = type != null
                ? problems.create(servletRequest(request), status, type.slug(), type.title(), detail)
                : problems.create(servletRequest(request), status, ProblemType.slugFor(status), ProblemType.titleFor(status), detail);
        return super.handleExceptionInternal(ex, problem, headers, status, request);
    }

    private ResponseEntity<Object> malformed(Exception ex, String detail, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = problems.create(servletRequest(request), ProblemType.MALFORMED_REQUEST, detail);
        return handleExceptionInternal(ex, problem, headers, ProblemType.MALFORMED_REQUEST.status(), request);
    }

    private ResponseEntity<Object> notFound(Exception ex, HttpHeaders headers, WebRequest request) {
        HttpServletRequest servletRequest = servletRequest(request);
        ProblemDetail problem = problems.create(servletRequest, ProblemType.NOT_FOUND,
                "There is nothing at %s %s.".formatted(servletRequest.getMethod(), ProblemResponses.instance(servletRequest)));
        return handleExceptionInternal(ex, problem, headers, ProblemType.NOT_FOUND.status(), request);
    }

    private ResponseEntity<Object> validationProblem(Exception ex, List<FieldViolation> errors, HttpHeaders headers,
            WebRequest request) {
        List<FieldViolation> sorted = errors.stream()
                .sorted(Comparator.comparing(FieldViolation::field, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(FieldViolation::message, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        ProblemDetail problem = problems.create(servletRequest(request), ProblemType.VALIDATION, InvalidFieldsException.detail(sorted));
        problem.setProperty("errors", sorted);
        return handleExceptionInternal(ex, problem, headers, ProblemType.VALIDATION.status(), request);
    }

    // Field paths

    private List<FieldViolation> violations(BindingResult result, String prefix) {
        List<FieldViolation> errors = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            errors.add(new FieldViolation(jsonNames.path(prefix + error.getField()), message(error)));
        }
        for (ObjectError error : result.getGlobalErrors()) {
            errors.add(new FieldViolation(prefix.isEmpty() ? null : trimDot(prefix), message(error)));
        }
        return errors;
    }

    private List<FieldViolation> violations(MethodValidationResult result) {
        List<FieldViolation> errors = new ArrayList<>();
        for (ParameterValidationResult parameter : result.getParameterValidationResults()) {
            String name = parameterName(parameter.getMethodParameter());
            String element = parameter.getContainerIndex() != null ? "[" + parameter.getContainerIndex() + "]"
                    : parameter.getContainerKey() != null ? "[" + parameter.getContainerKey() + "]" : "";
            if (parameter instanceof ParameterErrors bean) {
                // A request body is the root of its JSON paths; other beans are named by their parameter.
                String prefix = name == null ? element : name + element;
                errors.addAll(violations(bean.getFieldErrors(), bean.getGlobalErrors(), prefix.isEmpty() ? "" : prefix + "."));
            }
            else {
                String field = name == null ? (element.isEmpty() ? null : element) : name + element;
                parameter.getResolvableErrors().forEach(error -> errors.add(new FieldViolation(field, message(error))));
            }
        }
        result.getCrossParameterValidationResults().forEach(error -> errors.add(new FieldViolation(null, message(error))));
        return errors;
    }

    private List<FieldViolation> violations(List<FieldError> fieldErrors, List<ObjectError> globalErrors, String prefix) {
        List<FieldViolation> errors = new ArrayList<>();
        fieldErrors.forEach(error -> errors.add(new FieldViolation(jsonNames.path(prefix + error.getField()), message(error))));
        globalErrors.forEach(error -> errors.add(new FieldViolation(prefix.isEmpty() ? null : trimDot(prefix), message(error))));
        return errors;
    }

    /** The name a client uses for the parameter; {@code null} for the request body (the root). */
    private String parameterName(MethodParameter parameter) {
        if (parameter.hasParameterAnnotation(RequestBody.class)) {
            return null;
        }
        String declared = declaredName(parameter);
        return StringUtils.hasText(declared) ? declared : jsonNames.name(parameter.getParameterName());
    }

    private static String declaredName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null) {
            return param.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null) {
            return path.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null) {
            return header.name();
        }
        RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
        return part != null ? part.name() : null;
    }

    /**
     * The JSON path of a Bean Validation violation: method and parameter nodes are dropped when
     * a bean's properties follow (a request body is the root); a lone parameter keeps its name.
     */
    private String jsonPath(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        boolean propertiesFollow = nodes.stream().anyMatch(node -> node.getKind() == ElementKind.PROPERTY);
        StringBuilder json = new StringBuilder();
        for (Path.Node node : nodes) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.CROSS_PARAMETER
                    || kind == ElementKind.BEAN || (kind == ElementKind.PARAMETER && propertiesFollow)) {
                continue;
            }
            if (node.isInIterable()) {
                json.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!json.isEmpty()) {
                    json.append('.');
                }
                json.append(jsonNames.name(name));
            }
        }
        return json.isEmpty() ? null : json.toString();
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    // Details

    private static String unreadableDetail(HttpMessageNotReadableException ex) {
        if (!(ex.getCause() instanceof JacksonException jackson)) {
            return ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")
                    ? "The request body is missing." : "The request body could not be read.";
        }
        String field = jsonPath(jackson.getPath());
        String subject = field.isEmpty() ? "The request body" : "The field '" + field + "'";
        return switch (jackson) {
            case InvalidNullException ignored -> subject + " must not be null.";
            case InvalidFormatException invalid -> "%s must be %s (got '%s').".formatted(subject,
                    describe(invalid.getTargetType()), invalid.getValue());
            case MismatchedInputException mismatch when mismatch.getTargetType() != null ->
                    subject + " must be " + describe(mismatch.getTargetType()) + ".";
            case MismatchedInputException ignored -> subject + " has the wrong type.";
            case ValueInstantiationException invalid -> subject + " is invalid: "
                    + (invalid.getCause() != null ? invalid.getCause().getMessage() : invalid.getOriginalMessage());
            case InputCoercionException outOfRange -> subject + " is out of range for " + describe(outOfRange.getTargetType()) + ".";
            case StreamReadException syntax when syntax.getLocation() != null ->
                    "The request body is not valid JSON (line %d, column %d).".formatted(
                            syntax.getLocation().getLineNr(), syntax.getLocation().getColumnNr());
            case StreamReadException ignored -> "The request body is not valid JSON.";
            default -> field.isEmpty() ? "The request body could not be read." : subject + " could not be read.";
        };
    }

    private static String jsonPath(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a value of the type looks like, for "must be …". */
    static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.joining(", "));
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class || type == Integer.class
                || type == Long.class || type == Short.class || type == Byte.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (type.isPrimitive() && type != boolean.class && type != char.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == LocalDate.class) {
            return "an ISO-8601 date (2025-01-09)";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class || type == LocalDateTime.class) {
            return "an ISO-8601 timestamp (2025-01-09T08:01:46Z)";
        }
        if (type == LocalTime.class || Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 time";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String kind(MethodParameter parameter) {
        if (parameter.hasParameterAnnotation(PathVariable.class)) {
            return "path variable";
        }
        if (parameter.hasParameterAnnotation(RequestHeader.class)) {
            return "header";
        }
        return "query parameter";
    }

    private long maxUploadBytes(MaxUploadSizeExceededException ex) {
        if (ex.getMaxUploadSize() > 0) {
            return ex.getMaxUploadSize();
        }
        // Tomcat reports the limit it applied in its SizeException (looked up by name: Tomcat is optional).
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            Method permitted = ReflectionUtils.findMethod(cause.getClass(), "getPermittedSize");
            if (permitted != null && ReflectionUtils.invokeMethod(permitted, cause) instanceof Long bytes && bytes > 0) {
                return bytes;
            }
        }
        return configuredMaxUploadBytes.getAsLong();
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() != null ? error.getDefaultMessage() : "is invalid";
    }

    private static String trimDot(String prefix) {
        return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }
}
