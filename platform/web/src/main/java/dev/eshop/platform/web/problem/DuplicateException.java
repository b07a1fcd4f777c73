package dev.eshop.platform.web.problem;

/** 409 {@code duplicate}: a unique rule would be broken; {@code field} names the JSON field (snake_case). */
public class DuplicateException extends ProblemException {

    public DuplicateException(String field, String detail) {
        super(ProblemType.DUPLICATE, detail);
        with("field", field);
    }
}
