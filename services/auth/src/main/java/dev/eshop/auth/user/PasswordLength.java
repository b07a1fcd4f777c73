package dev.eshop.auth.user;

import dev.eshop.auth.AuthSettings;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A new password's length: {@code eshop.auth.password.min-length} (12) to
 * {@value AuthSettings#MAX_PASSWORD_LENGTH} characters. Null is left to {@code @NotNull}.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PasswordLength.Validator.class)
public @interface PasswordLength {

    String message() default "must be between {min} and {max} characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PasswordLength, String> {

        private final int min;

        // Created by Spring's constraint validator factory, which passes the settings.
        Validator(AuthSettings settings) {
            this.min = settings.password().minLength();
        }

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            if (password == null) {
                return true;
            }
            int length = password.codePointCount(0, password.length());
            if (length >= min && length <= AuthSettings.MAX_PASSWORD_LENGTH) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be between " + min + " and " + AuthSettings.MAX_PASSWORD_LENGTH
                    + " characters").addConstraintViolation();
            return false;
        }
    }
}
