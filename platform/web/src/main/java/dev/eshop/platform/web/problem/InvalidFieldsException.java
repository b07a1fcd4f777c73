package dev.eshop.platform.web.problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * 400 {@code validation} for rules Bean Validation cannot express (e.g. {@code from} after {@code to}),
 * with the same {@code errors} member as annotation-based validation.
 */
public class InvalidFieldsException extends ProblemException {

    public InvalidFieldsException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public InvalidFieldsException(List<FieldViolation> errors) {
        super(ProblemType.VALIDATION, detail(errors));
        with("errors", List.copyOf(errors));
    }

    static String detail(List<FieldViolation> errors) {
        if (errors.size() == 1) {
            FieldViolation only = errors.getFirst();
            return only.field() == null ? "The request is invalid: " + only.message() + "."
                    : "The field '%s' %s.".formatted(only.field(), only.message());
        }
        return errors.size() + " fields are invalid: " + errors.stream()
                .map(error -> error.field() == null ? error.message() : "'" + error.field() + "' " + error.message())
                .collect(Collectors.joining("; ")) + ".";
    }
}
