package dev.eshop.platform.web.problem;

/**
 * 400 {@code malformed-request}: the request cannot be understood at all (a bad header value, an
 * unknown sort field), as opposed to a well-formed value that breaks a rule ({@link InvalidFieldsException}).
 */
public class MalformedRequestException extends ProblemException {

    public MalformedRequestException(String detail) {
        super(ProblemType.MALFORMED_REQUEST, detail);
    }
}
