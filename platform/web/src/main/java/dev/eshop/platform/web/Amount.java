package dev.eshop.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Digits;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;

/**
 * A money amount in a request: at most 2 decimals (and 13 integer digits). {@code 19.999} fails
 * with 400 {@code validation}; {@code null} passes (add {@code @NotNull} where it is required).
 *
 * <pre>
 * record PriceChange(&#64;NotNull &#64;PositiveOrZero &#64;Amount BigDecimal price) { }
 * </pre>
 */
@Documented
@Constraint(validatedBy = {})
@Digits(integer = 13, fraction = 2)
@ReportAsSingleViolation
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE, ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Amount {

    String message() default "must be an amount with at most 2 decimals";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
