/**
 * RFC 9457 problems for every error a service answers, with {@code type}
 * ({@code eshop.problems.base-uri} + slug), {@code title}, {@code status}, {@code detail},
 * {@code instance} (the request path) and {@code trace_id}, plus the members of each type.
 * <p>
 * In a service, throw the exception that says what happened; nothing else is needed:
 * <pre>
 * throw new NotFoundException("order", id);                                   // 404 not-found
 * throw new InvalidStateException(order.status(), "A shipped order cannot be cancelled."); // 409, current_status
 * throw new DuplicateException("email", "An account with this email exists."); // 409, field
 * throw new StaleVersionException(current.version());                          // 409 concurrent-modification
 * throw new RuleViolatedException("image-count", "A product has at most 10 images."); // 422, rule
 * throw new PayloadTooLargeException(maxBytes);                                // 413, max_bytes
 * throw new UnsupportedMediaTypeException(List.of("image/jpeg"), "Not a JPEG image."); // 415, accepted
 * throw new DependencyUnavailableException("warehouse", e);                   // 503, dependency, Retry-After
 * throw new InvalidFieldsException("to", "must not be before from");           // 400 validation, errors
 * throw new MalformedRequestException("The Idempotency-Key must be 1-100 printable characters."); // 400
 * throw new ForbiddenException("Only the customer who placed the order may pay for it."); // 403
 * throw new ProblemException(HttpStatus.CONFLICT, "insufficient-stock", "Insufficient stock", detail)
 *         .with("short_products", shortProducts);                              // any other type
 * </pre>
 * Bean Validation failures ({@code @Valid} bodies, constrained parameters, {@code @Validated}
 * beans) become 400 {@code validation} with {@code errors: [{field, message}]}, the field being the
 * JSON path in snake_case ({@code lines[1].quantity}). Unreadable JSON, wrong JSON types, unknown
 * enum values, bad path or query values and missing headers become 400 {@code malformed-request}
 * naming the field or parameter. Spring MVC's own errors (404, 405, 415, 413, …), Spring Security's
 * (401, 403) and anything the servlet container answers itself come out the same way; anything
 * unexpected is logged and answered 500 {@code internal}, without details.
 * <p>
 * A service's own {@code @RestControllerAdvice} takes precedence for the exceptions it handles (e.g.
 * mapping a unique-key violation to {@link dev.eshop.platform.web.problem.DuplicateException}).
 */
package dev.eshop.platform.web.problem;
