package dev.eshop.platform.web.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method as an <b>IK</b> endpoint (services.md §0.5): it accepts the
 * {@code Idempotency-Key} header, and a repeat with the same key and body is answered from the
 * stored first answer instead of acting again. With {@code required = true} ("IK required") a
 * request without the header is a 400 {@code malformed-request}.
 * <p>
 * Active in services with a {@code DataSource} (the records live in {@code idempotency_record});
 * without one the annotation does nothing.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Idempotent {

    /** Whether a request without {@code Idempotency-Key} is refused (400). */
    boolean required() default false;
}
